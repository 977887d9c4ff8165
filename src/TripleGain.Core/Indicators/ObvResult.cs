namespace TripleGain.Core.Indicators;

/// <summary>On-balance volume at one candle (0 at the first candle; never absent).</summary>
public sealed record ObvResult(DateTime Timestamp, double Obv);
