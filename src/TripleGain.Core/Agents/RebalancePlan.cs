using TripleGain.Core.Exchange;

namespace TripleGain.Core.Agents;

/// <summary>
/// The RebalancingAgent's output: market orders to return to the target (empty when nothing drifts beyond the
/// threshold), the drift of each asset, notes on transfers skipped as dust, and a one-line reason.
/// </summary>
public sealed record RebalancePlan(
    string CycleId,
    IReadOnlyList<OrderRequest> Orders,
    IReadOnlyList<AssetDrift> Drifts,
    IReadOnlyList<string> Notes,
    string Reason)
{
    public bool IsEmpty => Orders.Count == 0;
}
