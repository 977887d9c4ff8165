namespace TripleGain.Journal;

/// <summary>
/// One trading cycle of one account (table <c>cycles</c>). The cycle id is written before the cycle's side effects,
/// so a restarted silo sees a Running cycle and resumes it instead of starting a second one.
/// </summary>
public sealed record CycleRecord(
    string CycleId,
    string AccountId,
    DateTime StartedAt,
    DateTime? FinishedAt,
    CycleStatus Status,
    string? Error);
