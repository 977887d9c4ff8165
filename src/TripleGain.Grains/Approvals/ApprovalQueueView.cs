namespace TripleGain.Grains.Approvals;

/// <summary>
/// An account's queue for the approvals page: the market time <see cref="Now"/> and the market clock's speed (a
/// countdown in real seconds is (ExpiresAt - Now) / ClockSpeed), the pending items oldest first, and recently decided
/// items newest first (the journal holds them all).
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.ApprovalQueueView")]
public sealed record ApprovalQueueView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] DateTime Now,
    [property: Id(2)] double ClockSpeed,
    [property: Id(3)] IReadOnlyList<ApprovalItem> Pending,
    [property: Id(4)] IReadOnlyList<ApprovalItem> Recent);
