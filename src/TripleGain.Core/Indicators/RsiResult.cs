namespace TripleGain.Core.Indicators;

/// <summary>Wilder's relative strength index (0..100) at one candle (null while warming up).</summary>
public sealed record RsiResult(DateTime Timestamp, double? Rsi);
