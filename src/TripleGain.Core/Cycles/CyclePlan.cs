using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;

namespace TripleGain.Core.Cycles;

/// <summary>
/// What <see cref="CyclePlanner.Plan"/> made of one cycle's decisions: the risk verdict of every decision it could
/// assess (in the decisions' order), the coordinator's output (the planned orders, risk-reducing first) and every
/// decision that produced no order with its rule (<see cref="Dropped"/>: the decisions without a price or pair metadata,
/// then the coordinator's drops). HOLD decisions are neither ordered nor dropped.
/// </summary>
public sealed record CyclePlan(
    string CycleId,
    DateTime Timestamp,
    IReadOnlyList<RiskVerdict> Verdicts,
    CoordinatorOutput Coordination,
    IReadOnlyList<DroppedDecision> Dropped)
{
    /// <summary>The planned orders in submission order (see <see cref="CoordinatorOutput.Plans"/>).</summary>
    public IReadOnlyList<PlannedOrder> Orders => Coordination.Plans;

    /// <summary>The entry order requests to place, in submission order.</summary>
    public IReadOnlyList<OrderRequest> Requests => Coordination.Orders;
}
