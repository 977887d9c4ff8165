namespace TripleGain.Core.Indicators;

/// <summary>Keltner Channels at one candle: EMA centre ± multiplier * ATR; width = (upper - lower) / centre.</summary>
public sealed record KeltnerResult(DateTime Timestamp, double? UpperBand, double? Centerline, double? LowerBand, double? Width);
