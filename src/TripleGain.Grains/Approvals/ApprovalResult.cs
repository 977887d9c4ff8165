using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;

namespace TripleGain.Grains.Approvals;

/// <summary>
/// The answer to an approve or reject: the <see cref="Outcome"/>, one sentence for the operator, the item as it now
/// stands, the risk check made at approval (with its rule when it refused) and the exchange's answer to the order.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.ApprovalResult")]
public sealed record ApprovalResult(
    [property: Id(0)] ApprovalOutcome Outcome,
    [property: Id(1)] string Message,
    [property: Id(2)] ApprovalItem? Item,
    [property: Id(3)] RiskVerdict? Verdict = null,
    [property: Id(4)] OrderResult? Order = null)
{
    /// <summary>The person's decision took effect (placed, sent but rejected by the exchange, or rejected).</summary>
    public bool Succeeded => Outcome is ApprovalOutcome.Placed or ApprovalOutcome.OrderRejected or ApprovalOutcome.Rejected;

    /// <summary>The rule that refused the trade at the current price (e.g. "stop_loss_side"), when the risk check refused.</summary>
    public string? Rule => Outcome == ApprovalOutcome.RiskRefused ? Verdict?.Rule : null;
}
