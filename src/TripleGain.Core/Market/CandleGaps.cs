namespace TripleGain.Core.Market;

/// <summary>Finds missing intervals in a candle series (Kraken omits intervals without trades; exchanges have outages).</summary>
public static class CandleGaps
{
    /// <summary>The missing runs of <paramref name="timeframe"/> candles, in time order.</summary>
    public static IReadOnlyList<CandleGap> Find(IEnumerable<Candle> candles, Timeframe timeframe) =>
        Find(candles, timeframe.Duration());

    /// <summary>
    /// The missing runs in a series expected every <paramref name="interval"/>: wherever two consecutive candles are
    /// more than one interval apart, the candles that would have opened in between (ceil(distance / interval) - 1).
    /// Throws when the series is not in strictly increasing time.
    /// </summary>
    public static IReadOnlyList<CandleGap> Find(IEnumerable<Candle> candles, TimeSpan interval)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (interval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be positive.");
        }

        var gaps = new List<CandleGap>();
        var first = true;
        var previous = default(DateTime);
        foreach (var candle in candles)
        {
            if (!first)
            {
                var distance = candle.Timestamp - previous;
                if (distance <= TimeSpan.Zero)
                {
                    throw new ArgumentException(
                        $"Candles must be in strictly increasing time: {candle.Timestamp:O} follows {previous:O}.", nameof(candles));
                }

                if (distance > interval)
                {
                    var steps = (distance.Ticks + interval.Ticks - 1) / interval.Ticks;
                    gaps.Add(new CandleGap(previous + interval, candle.Timestamp, checked((int)(steps - 1))));
                }
            }

            previous = candle.Timestamp;
            first = false;
        }

        return gaps;
    }

    /// <summary>
    /// The series' interval: the most frequent distance between consecutive candles (ties: the smaller). Null when
    /// there are fewer than two candles.
    /// </summary>
    public static TimeSpan? InferInterval(IReadOnlyList<Candle> candles)
    {
        ArgumentNullException.ThrowIfNull(candles);
        if (candles.Count < 2)
        {
            return null;
        }

        var counts = new Dictionary<long, int>();
        for (var i = 1; i < candles.Count; i++)
        {
            var ticks = (candles[i].Timestamp - candles[i - 1].Timestamp).Ticks;
            counts[ticks] = counts.GetValueOrDefault(ticks) + 1;
        }

        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).First().Key;
        return TimeSpan.FromTicks(best);
    }

    /// <summary>The <see cref="Timeframe"/> whose duration is <paramref name="interval"/>, if any.</summary>
    public static Timeframe? ToTimeframe(TimeSpan interval)
    {
        foreach (var timeframe in Enum.GetValues<Timeframe>())
        {
            if (timeframe.Duration() == interval)
            {
                return timeframe;
            }
        }

        return null;
    }
}
