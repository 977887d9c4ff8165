namespace TripleGain.Core.Stages;

/// <summary>A refused transition: a machine-readable code and a sentence for the operator.</summary>
public sealed record TransitionRefusal(RefusalCode Code, string Reason)
{
    public override string ToString() => $"{Code}: {Reason}";
}
