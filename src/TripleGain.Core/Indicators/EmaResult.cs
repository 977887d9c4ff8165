namespace TripleGain.Core.Indicators;

/// <summary>Exponential moving average at one candle (null while warming up).</summary>
public sealed record EmaResult(DateTime Timestamp, double? Ema);
