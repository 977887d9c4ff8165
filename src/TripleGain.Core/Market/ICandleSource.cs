namespace TripleGain.Core.Market;

/// <summary>
/// Where candles come from: the simulated market, candle files, later the exchange. Candles are 1-minute bars (a file
/// source returns its file's own interval) with UTC open times, in strictly increasing time.
/// </summary>
public interface ICandleSource
{
    /// <summary>The pairs this source serves, in the order <see cref="GetBars"/> uses within one timestamp.</summary>
    IReadOnlyList<Pair> Pairs { get; }

    /// <summary>The candles of <paramref name="pair"/> opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>), in time order.</summary>
    IEnumerable<Candle> GetCandles(Pair pair, DateTime fromUtc, DateTime toUtc);

    /// <summary>
    /// The candles of every pair opened in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>) as one stream, ordered by
    /// timestamp and then by the order of <see cref="Pairs"/>. This is what a backtest replays.
    /// </summary>
    IEnumerable<MarketBar> GetBars(DateTime fromUtc, DateTime toUtc);
}
