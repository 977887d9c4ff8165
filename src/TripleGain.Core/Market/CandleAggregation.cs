namespace TripleGain.Core.Market;

/// <summary>Batch aggregation of a candle series into a coarser timeframe; the same bars as <see cref="CandleAggregator"/>.</summary>
public static class CandleAggregation
{
    /// <summary>
    /// Aggregates 1-minute (or any finer) candles, in strictly increasing time, into <paramref name="timeframe"/> bars
    /// bucketed by UTC open time: open of the first candle in the bucket, max high, min low, close of the last, summed
    /// volume and trades. Missing candles leave a bar shorter (never filled in); an empty bucket gives no bar. The last
    /// bar is included even when its bucket is incomplete.
    /// </summary>
    public static IReadOnlyList<Candle> Aggregate(this IEnumerable<Candle> candles, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(candles);
        _ = timeframe.Label(); // rejects undefined timeframes
        var aggregator = new CandleAggregator(timeframe);
        var result = candles is IReadOnlyCollection<Candle> collection
            ? new List<Candle>((collection.Count / (int)timeframe) + 1)
            : [];
        foreach (var candle in candles)
        {
            if (aggregator.Add(candle) is { } completed)
            {
                result.Add(completed);
            }
        }

        if (aggregator.Flush() is { } last)
        {
            result.Add(last);
        }

        return result;
    }
}
