using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>
/// The RebalancingAgent's input: the account, the cycle's prices, the pair metadata, the target allocation and the
/// drift threshold in percentage points (an asset whose weight differs from its target by more than this triggers a
/// rebalance). <see cref="CycleId"/> makes the orders' idempotency keys.
/// </summary>
public sealed record RebalanceInput(
    string CycleId,
    PortfolioSnapshot Portfolio,
    PriceBook Prices,
    PairCatalog Catalog,
    TargetAllocation Target,
    decimal DriftThresholdPct = 5m);
