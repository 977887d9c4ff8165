namespace TripleGain.Core.Market;

/// <summary>
/// One OHLCV bar. <see cref="Timestamp"/> is the UTC open time. Prices are in the pair's quote asset,
/// volume in its base asset. <see cref="Trades"/> is 0 when the source does not report it.
/// </summary>
public readonly record struct Candle(
    DateTime Timestamp,
    decimal Open,
    decimal High,
    decimal Low,
    decimal Close,
    decimal Volume,
    int Trades = 0);
