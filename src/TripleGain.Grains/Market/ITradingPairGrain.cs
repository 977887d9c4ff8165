using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Grains.Market;

/// <summary>
/// One trading pair: keeps its recent candles and streaming indicators (a <see cref="PairTracker"/>), fed from the
/// market feed. Key: the pair's symbol, e.g. "BTC/USDT". The feed is the source of truth for candles, so on
/// activation the tracker is rebuilt from the feed's history: nothing here needs persisting.
/// </summary>
[Alias("triplegain.ITradingPairGrain")]
public interface ITradingPairGrain : IGrainWithStringKey
{
    /// <summary>Pulls the candles closed by <paramref name="nowUtc"/> and returns the latest indicators (null before any candle).</summary>
    [Alias("RefreshAsync")]
    Task<PairIndicators?> RefreshAsync(DateTime nowUtc);

    /// <summary>The most recent completed candles of a timeframe, oldest first (at most the tracker's window).</summary>
    [Alias("RecentCandlesAsync")]
    Task<IReadOnlyList<Candle>> RecentCandlesAsync(Timeframe timeframe, int count);
}
