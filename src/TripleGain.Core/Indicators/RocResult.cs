namespace TripleGain.Core.Indicators;

/// <summary>Rate of change at one candle: momentum = close - close n bars ago, ROC = 100 * momentum / that close (percent).</summary>
public sealed record RocResult(DateTime Timestamp, double? Momentum, double? Roc);
