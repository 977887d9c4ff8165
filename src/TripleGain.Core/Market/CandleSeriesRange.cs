namespace TripleGain.Core.Market;

/// <summary>Time-range lookups on a candle series in strictly increasing time.</summary>
internal static class CandleSeriesRange
{
    /// <summary>Index of the first candle opened at or after <paramref name="time"/> (Count when none).</summary>
    public static int LowerBound(IReadOnlyList<Candle> candles, DateTime time)
    {
        var low = 0;
        var high = candles.Count;
        while (low < high)
        {
            var mid = low + ((high - low) / 2);
            if (candles[mid].Timestamp < time)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    public static IEnumerable<Candle> Slice(IReadOnlyList<Candle> candles, DateTime fromUtc, DateTime toUtc)
    {
        for (var i = LowerBound(candles, fromUtc); i < candles.Count && candles[i].Timestamp < toUtc; i++)
        {
            yield return candles[i];
        }
    }

    public static void RequireIncreasing(IReadOnlyList<Candle> candles, string name)
    {
        for (var i = 1; i < candles.Count; i++)
        {
            if (candles[i].Timestamp <= candles[i - 1].Timestamp)
            {
                throw new ArgumentException(
                    $"Candles of {name} must be in strictly increasing time: {candles[i].Timestamp:O} (index {i}) follows {candles[i - 1].Timestamp:O}.",
                    nameof(candles));
            }
        }
    }

    /// <summary>The triangle's pairs first in their fixed order, then any others by symbol.</summary>
    public static IReadOnlyList<Pair> Order(IEnumerable<Pair> pairs) =>
        pairs.Distinct()
            .OrderBy(p => Pair.All.Contains(p) ? Pair.All.ToList().IndexOf(p) : int.MaxValue)
            .ThenBy(p => p.Symbol, StringComparer.Ordinal)
            .ToList();
}
