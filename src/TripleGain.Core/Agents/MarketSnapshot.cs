using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>The technical agent's output for one cycle: one <see cref="PairSnapshot"/> per pair.</summary>
public sealed record MarketSnapshot(DateTime Timestamp, IReadOnlyList<PairSnapshot> Pairs)
{
    public PairSnapshot? this[Pair pair] => Pairs.FirstOrDefault(p => p.Pair == pair);

    /// <summary>Last prices by pair, for valuing a portfolio.</summary>
    public IReadOnlyDictionary<Pair, decimal> Prices => Pairs.ToDictionary(p => p.Pair, p => p.LastPrice);
}
