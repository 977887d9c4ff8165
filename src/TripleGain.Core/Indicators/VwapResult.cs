namespace TripleGain.Core.Indicators;

/// <summary>Volume-weighted average price at one candle (null before the start or while the anchored volume is 0).</summary>
public sealed record VwapResult(DateTime Timestamp, double? Vwap);
