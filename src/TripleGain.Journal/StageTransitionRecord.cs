namespace TripleGain.Journal;

/// <summary>
/// A change of an account's stage (table <c>stage_transitions</c>): from which stage (null for the first) to which,
/// the phase (1-4) after the change, why, who (a user name or "system") and when.
/// </summary>
public sealed record StageTransitionRecord(
    string AccountId,
    string? FromStage,
    string ToStage,
    int Phase,
    string Reason,
    string ChangedBy,
    DateTime ChangedAt);
