namespace TripleGain.Core.Market;

/// <summary>
/// <see cref="ICandleSource"/> over candles already in memory (tests, imported files, recorded data). Each series must
/// be in strictly increasing time. Pairs are ordered BTC/USDT, XRP/USDT, XRP/BTC.
/// </summary>
public sealed class MemoryCandleSource : ICandleSource
{
    private readonly Dictionary<Pair, IReadOnlyList<Candle>> _candles;

    public MemoryCandleSource(IReadOnlyDictionary<Pair, IReadOnlyList<Candle>> candles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Count == 0)
        {
            throw new ArgumentException("At least one pair's candles are needed.", nameof(candles));
        }

        _candles = new Dictionary<Pair, IReadOnlyList<Candle>>();
        foreach (var (pair, series) in candles)
        {
            ArgumentNullException.ThrowIfNull(series, pair.Symbol);
            CandleSeriesRange.RequireIncreasing(series, pair.Symbol);
            _candles[pair] = series;
        }

        Pairs = CandleSeriesRange.Order(_candles.Keys);
    }

    public IReadOnlyList<Pair> Pairs { get; }

    /// <summary>All candles of <paramref name="pair"/>.</summary>
    public IReadOnlyList<Candle> this[Pair pair] =>
        _candles.TryGetValue(pair, out var series) ? series : throw new ArgumentException($"This source serves {string.Join(", ", Pairs)}, not {pair}.", nameof(pair));

    public IEnumerable<Candle> GetCandles(Pair pair, DateTime fromUtc, DateTime toUtc) =>
        CandleSeriesRange.Slice(this[pair], fromUtc, toUtc);

    public IEnumerable<MarketBar> GetBars(DateTime fromUtc, DateTime toUtc) =>
        MarketBar.Merge(Pairs, Pairs.Select(p => GetCandles(p, fromUtc, toUtc)).ToList());
}
