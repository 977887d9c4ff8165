using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>The technical agent's view of one pair: last price and the snapshots per timeframe.</summary>
public sealed record PairSnapshot(Pair Pair, DateTime Timestamp, decimal LastPrice, IReadOnlyList<TimeframeSnapshot> Timeframes)
{
    public TimeframeSnapshot? this[Timeframe timeframe] => Timeframes.FirstOrDefault(t => t.Timeframe == timeframe);
}
