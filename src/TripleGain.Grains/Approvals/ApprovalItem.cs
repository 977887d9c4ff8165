using System.Text.Json.Serialization;
using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Grains.Approvals;

/// <summary>
/// One trade in an account's approval queue. <see cref="Id"/> is the journal's approval id (what the UI passes to
/// approve or reject). The countdown is <see cref="ExpiresAt"/> minus the market time (<see cref="ApprovalQueueView.Now"/>).
/// Once decided: who, when (market time), the comment, and <see cref="Outcome"/> (the order placed or why not);
/// <see cref="LastRefusal"/> keeps why the latest approve attempt was refused (the item then stays pending);
/// <see cref="PlacedEntry"/> is the order as approved (the volume and protective prices of the risk check at approval)
/// and <see cref="Executed"/> says it reached the portfolio.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.ApprovalItem")]
public sealed record ApprovalItem(
    [property: Id(0)] long Id,
    [property: Id(1)] string AccountId,
    [property: Id(2)] string CycleId,
    [property: Id(3)] PlannedOrder Order,
    [property: Id(4)] long? DecisionId,
    [property: Id(5)] decimal NotionalUsd,
    [property: Id(6)] decimal PriceThen,
    [property: Id(7)] decimal QuoteUsdThen,
    [property: Id(8)] DateTime RequestedAt,
    [property: Id(9)] DateTime ExpiresAt,
    [property: Id(10)] string Rule,
    [property: Id(11)] ApprovalItemStatus Status,
    [property: Id(12)] string? DecidedBy = null,
    [property: Id(13)] DateTime? DecidedAt = null,
    [property: Id(14)] string? Comment = null,
    [property: Id(15)] string? Outcome = null,
    [property: Id(16)] string? LastRefusal = null,
    [property: Id(17)] bool Executed = false,
    [property: Id(18)] OrderRequest? PlacedEntry = null)
{
    /// <summary>The order the approval places: the planned entry (its client order id is the idempotency key).</summary>
    [JsonIgnore]
    public OrderRequest Entry => Order.Entry;

    [JsonIgnore]
    public string ClientOrderId => Order.Entry.ClientOrderId;

    [JsonIgnore]
    public Pair Pair => Order.Entry.Pair;

    [JsonIgnore]
    public OrderSide Side => Order.Entry.Side;

    /// <summary>Volume in the base asset.</summary>
    [JsonIgnore]
    public decimal Volume => Order.Entry.Volume;

    /// <summary>The model that decided (or "consensus").</summary>
    [JsonIgnore]
    public string Model => Order.Owner;

    [JsonIgnore]
    public TradeDecision Decision => Order.Verdict.Decision;

    /// <summary>The risk verdict at queue time.</summary>
    [JsonIgnore]
    public RiskVerdict Verdict => Order.Verdict;

    /// <summary>The cycle id of the execution, "approval-&lt;id&gt;": the portfolio executes it at most once.</summary>
    [JsonIgnore]
    public string ExecutionCycleId => ApprovalQueueGrain.ExecutionCycleIdOf(Id);

    [JsonIgnore]
    public bool IsPending => Status == ApprovalItemStatus.Pending;
}
