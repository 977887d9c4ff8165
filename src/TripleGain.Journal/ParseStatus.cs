namespace TripleGain.Journal;

/// <summary>Whether a model's raw output parsed into a decision. Stored as "ok" / "failed".</summary>
public enum ParseStatus
{
    Ok = 1,
    Failed = 2,
}
