namespace TripleGain.Grains.Operator;

/// <summary>What changed for the operator UI (<see cref="OperatorChange"/>).</summary>
[GenerateSerializer, Alias("triplegain.OperatorChangeKind")]
public enum OperatorChangeKind
{
    /// <summary>A cycle began (subject: the cycle id).</summary>
    CycleStarted = 1,

    /// <summary>A cycle finished, with or without errors: new decisions, orders, fills and equity (subject: the cycle id).</summary>
    CycleCompleted = 2,

    /// <summary>A trade waits for a person (subject: the account id).</summary>
    ApprovalQueued = 3,

    /// <summary>A person acted on a queued trade: approved, placed, rejected, or refused by the re-check (subject: the account id).</summary>
    ApprovalDecided = 4,

    /// <summary>Queued trades expired unapproved (subject: the account id).</summary>
    ApprovalExpired = 5,

    /// <summary>An account's stage moved: promotion, rollback, pause, resume, its own emergency stop (subject: the account id).</summary>
    StageChanged = 6,

    /// <summary>A person ticked a manual item of a phase gate (subject: the account id).</summary>
    GateTicked = 7,

    /// <summary>The global emergency stop was set or lifted (subject: the stop's key).</summary>
    EmergencyStop = 8,
}
