namespace TripleGain.Core.Indicators;

/// <summary>Bollinger Bands at one candle: SMA ± k population standard deviations; %B = (close - lower) / (upper - lower) (null when the bands meet), z-score (null when the deviation is 0), width = (upper - lower) / SMA.</summary>
public sealed record BollingerBandsResult(DateTime Timestamp, double? Sma, double? UpperBand, double? LowerBand, double? PercentB, double? ZScore, double? Width);
