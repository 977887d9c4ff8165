namespace TripleGain.Core.Market;

/// <summary>
/// A live source of completed 1-minute candles (the simulated market, or an exchange's OHLC endpoint). Unlike
/// <see cref="ICandleSource"/>, which replays history, a feed only returns candles that have closed by <c>nowUtc</c>.
/// </summary>
public interface IMarketFeed
{
    IReadOnlyList<Pair> Pairs { get; }

    /// <summary>
    /// The 1-minute candles of <paramref name="pair"/> whose open time is at or after <paramref name="fromUtc"/> and
    /// that have closed by <paramref name="nowUtc"/>, in time order. A feed may return fewer than asked for when the
    /// start lies before the history it keeps.
    /// </summary>
    ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(Pair pair, DateTime fromUtc, DateTime nowUtc, CancellationToken cancellationToken = default);
}
