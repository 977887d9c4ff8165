namespace TripleGain.Journal;

/// <summary>An emergency stop or resume of an account (table <c>emergency_stops</c>): who, when and why.</summary>
public sealed record EmergencyStopRecord(
    string AccountId,
    EmergencyStopState State,
    string ChangedBy,
    DateTime ChangedAt,
    string Reason);
