namespace TripleGain.Core.Indicators;

/// <summary>MACD at one candle: fast EMA - slow EMA, its EMA (signal) and the difference (histogram); null while warming up.</summary>
public sealed record MacdResult(DateTime Timestamp, double? Macd, double? Signal, double? Histogram, double? FastEma, double? SlowEma);
