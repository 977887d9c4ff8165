namespace TripleGain.Journal;

/// <summary>A trading cycle's state. Stored as "running", "succeeded", "failed".</summary>
public enum CycleStatus
{
    Running = 1,
    Succeeded = 2,
    Failed = 3,
}
