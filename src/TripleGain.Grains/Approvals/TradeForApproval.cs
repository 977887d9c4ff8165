using TripleGain.Core.Agents;

namespace TripleGain.Grains.Approvals;

/// <summary>
/// A planned order the stage rules send to a person instead of the exchange (<see cref="IApprovalQueueGrain.EnqueueAsync"/>):
/// the cycle that planned it, the planned order (its entry's client order id is the approval's key; its verdict carries
/// the model's decision and reasoning), the journalled decision, its USD notional, the pair's price then (and the USD
/// value of its quote asset), when it was queued, until when it may be approved, and the rule that asked for approval.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.TradeForApproval")]
public sealed record TradeForApproval(
    [property: Id(0)] string CycleId,
    [property: Id(1)] PlannedOrder Order,
    [property: Id(2)] long? DecisionId,
    [property: Id(3)] decimal NotionalUsd,
    [property: Id(4)] decimal PriceThen,
    [property: Id(5)] decimal QuoteUsdThen,
    [property: Id(6)] DateTime RequestedAt,
    [property: Id(7)] DateTime ExpiresAt,
    [property: Id(8)] string Rule);
