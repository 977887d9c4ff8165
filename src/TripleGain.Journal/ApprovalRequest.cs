namespace TripleGain.Journal;

/// <summary>
/// A trade that waits for a person: the order it would place (<see cref="ClientOrderId"/>, one approval per order),
/// the decision behind it, and until when it may be approved.
/// </summary>
public sealed record ApprovalRequest(
    string ClientOrderId,
    string AccountId,
    long? DecisionId,
    DateTime RequestedAt,
    DateTime ExpiresAt);
