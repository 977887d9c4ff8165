using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>Everything a decision model may see in one cycle.</summary>
public sealed record DecisionContext(
    DateTime Timestamp,
    MarketSnapshot Market,
    PortfolioSnapshot Portfolio,
    TradingConstraints Constraints,
    IReadOnlyList<TradeDecision> RecentDecisions)
{
    public IReadOnlyList<Pair> Pairs => Market.Pairs.Select(p => p.Pair).ToList();
}
