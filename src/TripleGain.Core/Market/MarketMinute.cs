namespace TripleGain.Core.Market;

/// <summary>One minute of the simulated market: the 1-minute candles of the three pairs, all opened at <see cref="Timestamp"/>.</summary>
public readonly record struct MarketMinute(Candle BtcUsdt, Candle XrpUsdt, Candle XrpBtc)
{
    /// <summary>The UTC open time shared by the three candles.</summary>
    public DateTime Timestamp => BtcUsdt.Timestamp;

    /// <summary>The candle of <paramref name="pair"/>, one of <see cref="Pair.All"/>.</summary>
    public Candle this[Pair pair] =>
        pair == Pair.BtcUsdt ? BtcUsdt
        : pair == Pair.XrpUsdt ? XrpUsdt
        : pair == Pair.XrpBtc ? XrpBtc
        : throw new ArgumentOutOfRangeException(nameof(pair), pair, $"The simulated market has no pair {pair}; it has {string.Join(", ", Pair.All)}.");
}
