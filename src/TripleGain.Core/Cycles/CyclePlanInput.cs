using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Cycles;

/// <summary>
/// Everything one cycle needs to turn decisions into orders: the cycle id (it makes the orders' idempotency keys), the
/// cycle time, the account's portfolio, the cycle's decisions (one model's, or several models' in
/// <see cref="ConsensusMode.Majority"/>), the constraints, the cycle's prices, the pair metadata and how models merge.
/// <see cref="MinAgreement"/> is the share of a pair's votes the winning action needs in majority mode.
/// <see cref="PendingEntries"/> are the pairs whose entry order from an earlier cycle is still waiting for its fill: the
/// risk agent rejects another entry in them ("entry_pending"); none in a backtest, where an order fills before the next cycle.
/// </summary>
public sealed record CyclePlanInput(
    string CycleId,
    DateTime Timestamp,
    PortfolioSnapshot Portfolio,
    IReadOnlyList<TradeDecision> Decisions,
    TradingConstraints Constraints,
    PriceBook Prices,
    PairCatalog Catalog,
    ConsensusMode Mode = ConsensusMode.SingleModel,
    double MinAgreement = 0.5,
    IReadOnlySet<Pair>? PendingEntries = null);
