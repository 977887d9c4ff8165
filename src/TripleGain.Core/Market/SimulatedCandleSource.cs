namespace TripleGain.Core.Market;

/// <summary>
/// <see cref="ICandleSource"/> over <see cref="SimulatedMarket"/>. Every call starts a fresh market from the options and
/// skips to the requested start, so a candle depends only on the options and its time, never on earlier calls:
/// the candle of 2025-03-01T12:00Z is the same whether asked for alone or inside a year.
/// </summary>
public sealed class SimulatedCandleSource : ICandleSource
{
    private readonly int[] _pairIndexes;

    /// <param name="options">The market (seed, start, prices...). Candles exist from <see cref="SimulatedMarketOptions.Start"/> on.</param>
    /// <param name="pairs">The pairs to serve, in stream order; default all three (<see cref="Pair.All"/>).</param>
    public SimulatedCandleSource(SimulatedMarketOptions options, IEnumerable<Pair>? pairs = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        var list = new List<Pair>();
        foreach (var pair in pairs ?? Pair.All)
        {
            if (!Pair.All.Contains(pair))
            {
                throw new ArgumentException($"The simulated market has no pair {pair}; it has {string.Join(", ", Pair.All)}.", nameof(pairs));
            }

            if (!list.Contains(pair))
            {
                list.Add(pair);
            }
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("At least one pair is needed.", nameof(pairs));
        }

        Pairs = list;
        _pairIndexes = list.Select(p => IndexOf(p)).ToArray();
    }

    public SimulatedMarketOptions Options { get; }

    public IReadOnlyList<Pair> Pairs { get; }

    public IEnumerable<Candle> GetCandles(Pair pair, DateTime fromUtc, DateTime toUtc)
    {
        if (!Pairs.Contains(pair))
        {
            throw new ArgumentException($"This source serves {string.Join(", ", Pairs)}, not {pair}.", nameof(pair));
        }

        CheckRange(fromUtc, toUtc);
        return CandleIterator(IndexOf(pair), fromUtc, toUtc);
    }

    public IEnumerable<MarketBar> GetBars(DateTime fromUtc, DateTime toUtc)
    {
        CheckRange(fromUtc, toUtc);
        return BarIterator(fromUtc, toUtc);
    }

    private IEnumerable<Candle> CandleIterator(int index, DateTime fromUtc, DateTime toUtc)
    {
        var market = new SimulatedMarket(Options);
        market.SkipTo(fromUtc);
        while (market.NextTimestamp < toUtc)
        {
            var minute = market.Next();
            yield return index switch
            {
                0 => minute.BtcUsdt,
                1 => minute.XrpUsdt,
                _ => minute.XrpBtc,
            };
        }
    }

    private IEnumerable<MarketBar> BarIterator(DateTime fromUtc, DateTime toUtc)
    {
        var market = new SimulatedMarket(Options);
        market.SkipTo(fromUtc);
        var indexes = _pairIndexes;
        var pairs = Pairs;
        while (market.NextTimestamp < toUtc)
        {
            var minute = market.Next();
            for (var i = 0; i < indexes.Length; i++)
            {
                yield return indexes[i] switch
                {
                    0 => new MarketBar(pairs[i], minute.BtcUsdt),
                    1 => new MarketBar(pairs[i], minute.XrpUsdt),
                    _ => new MarketBar(pairs[i], minute.XrpBtc),
                };
            }
        }
    }

    private void CheckRange(DateTime fromUtc, DateTime toUtc)
    {
        if (fromUtc.Kind == DateTimeKind.Local || toUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"Times must be UTC, not local: from {fromUtc:O}, to {toUtc:O}.", nameof(fromUtc));
        }

        if (fromUtc < Options.Start)
        {
            throw new ArgumentOutOfRangeException(nameof(fromUtc), fromUtc,
                $"The simulated market begins at {Options.Start:yyyy-MM-dd'T'HH:mm'Z'}; from {fromUtc:yyyy-MM-dd'T'HH:mm'Z'} is earlier.");
        }
    }

    private static int IndexOf(Pair pair) => pair == Pair.BtcUsdt ? 0 : pair == Pair.XrpUsdt ? 1 : 2;
}
