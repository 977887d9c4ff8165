namespace TripleGain.Journal;

/// <summary>An emergency stop event: the account was stopped, or resumed. Stored as "stopped" / "resumed".</summary>
public enum EmergencyStopState
{
    Stopped = 1,
    Resumed = 2,
}
