namespace TripleGain.Journal;

/// <summary>
/// An approval as journaled (table <c>approvals</c>). <see cref="DecidedAt"/> is set once it leaves Pending (for an
/// expired one: its expiry time); <see cref="DecidedBy"/> and <see cref="Comment"/> name the person and their words.
/// </summary>
public sealed record ApprovalRecord(
    long Id,
    string ClientOrderId,
    string AccountId,
    long? DecisionId,
    ApprovalStatus Status,
    DateTime RequestedAt,
    DateTime ExpiresAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? Comment);
