namespace TripleGain.Core.Market;

/// <summary>
/// One candle of one pair in a merged stream of several pairs (see <see cref="ICandleSource.GetBars"/>), ordered by
/// timestamp and, within a timestamp, by the source's pair order.
/// </summary>
public readonly record struct MarketBar(Pair Pair, Candle Candle)
{
    public DateTime Timestamp => Candle.Timestamp;

    /// <summary>
    /// Merges per-pair candle series (each in strictly increasing time) into one stream ordered by timestamp, then by
    /// the position of the pair in <paramref name="pairs"/>. <paramref name="series"/>[i] belongs to
    /// <paramref name="pairs"/>[i]. Throws when a series goes back in time.
    /// </summary>
    public static IEnumerable<MarketBar> Merge(IReadOnlyList<Pair> pairs, IReadOnlyList<IEnumerable<Candle>> series)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentNullException.ThrowIfNull(series);
        if (pairs.Count != series.Count)
        {
            throw new ArgumentException($"Got {pairs.Count} pairs but {series.Count} candle series; they must match one to one.", nameof(series));
        }

        return MergeIterator(pairs, series);
    }

    private static IEnumerable<MarketBar> MergeIterator(IReadOnlyList<Pair> pairs, IReadOnlyList<IEnumerable<Candle>> series)
    {
        var count = pairs.Count;
        var enumerators = new IEnumerator<Candle>[count];
        var heads = new Candle[count];
        var live = new bool[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                enumerators[i] = series[i].GetEnumerator();
                live[i] = enumerators[i].MoveNext();
                if (live[i])
                {
                    heads[i] = enumerators[i].Current;
                }
            }

            while (true)
            {
                var best = -1;
                for (var i = 0; i < count; i++)
                {
                    if (live[i] && (best < 0 || heads[i].Timestamp < heads[best].Timestamp))
                    {
                        best = i;
                    }
                }

                if (best < 0)
                {
                    yield break;
                }

                var candle = heads[best];
                yield return new MarketBar(pairs[best], candle);
                live[best] = enumerators[best].MoveNext();
                if (live[best])
                {
                    heads[best] = enumerators[best].Current;
                    if (heads[best].Timestamp <= candle.Timestamp)
                    {
                        throw new InvalidOperationException(
                            $"Candles of {pairs[best]} are not in increasing time: {heads[best].Timestamp:O} follows {candle.Timestamp:O}.");
                    }
                }
            }
        }
        finally
        {
            foreach (var enumerator in enumerators)
            {
                enumerator?.Dispose();
            }
        }
    }
}
