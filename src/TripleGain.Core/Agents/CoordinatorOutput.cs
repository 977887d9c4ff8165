using TripleGain.Core.Exchange;

namespace TripleGain.Core.Agents;

/// <summary>
/// The coordinator's output for one cycle: the planned orders (risk-reducing ones first, then the ones that open
/// risk, each group in <see cref="Market.Pair.All"/> order), every decision it dropped with the reason, and
/// <see cref="Orders"/>, all orders flattened in submission order.
/// </summary>
public sealed record CoordinatorOutput(
    string CycleId,
    DateTime Timestamp,
    IReadOnlyList<PlannedOrder> Plans,
    IReadOnlyList<DroppedDecision> Dropped)
{
    public IReadOnlyList<OrderRequest> Orders => Plans.Select(p => p.Entry).ToList();
}
