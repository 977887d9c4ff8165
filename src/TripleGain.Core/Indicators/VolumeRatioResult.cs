namespace TripleGain.Core.Indicators;

/// <summary>Volume against its simple moving average at one candle: the SMA of volume and volume / SMA (null while warming up or when the SMA is 0).</summary>
public sealed record VolumeRatioResult(DateTime Timestamp, double? VolumeSma, double? Ratio);
