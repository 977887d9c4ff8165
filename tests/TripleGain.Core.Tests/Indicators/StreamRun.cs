using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>Runs a streaming indicator over a series, one candle at a time.</summary>
internal static class StreamRun
{
    public static T[] Over<T>(IReadOnlyList<Candle> candles, Func<Candle, T> add)
    {
        var results = new T[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = add(candles[i]);
        }

        return results;
    }
}
