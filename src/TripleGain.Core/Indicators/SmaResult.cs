namespace TripleGain.Core.Indicators;

/// <summary>Simple moving average at one candle (null while warming up).</summary>
public sealed record SmaResult(DateTime Timestamp, double? Sma);
