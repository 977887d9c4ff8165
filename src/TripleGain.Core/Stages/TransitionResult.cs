using System.Diagnostics.CodeAnalysis;

namespace TripleGain.Core.Stages;

/// <summary>
/// The outcome of a transition function of <see cref="StageStatus"/>: either the new status with the
/// <see cref="Transition"/> appended to its history, or the unchanged status with a <see cref="Refusal"/>.
/// </summary>
public sealed record TransitionResult
{
    private TransitionResult(StageStatus status, StageTransition? transition, TransitionRefusal? refusal)
    {
        Status = status;
        Transition = transition;
        Refusal = refusal;
    }

    /// <summary>The new status when applied, otherwise the unchanged one.</summary>
    public StageStatus Status { get; }

    /// <summary>The transition that was applied (also the last entry of <see cref="StageStatus.History"/>).</summary>
    public StageTransition? Transition { get; }

    /// <summary>Why nothing changed.</summary>
    public TransitionRefusal? Refusal { get; }

    [MemberNotNullWhen(true, nameof(Transition))]
    [MemberNotNullWhen(false, nameof(Refusal))]
    public bool Applied => Transition is not null;

    internal static TransitionResult Done(StageStatus status, StageTransition transition) => new(status, transition, null);

    internal static TransitionResult Refused(StageStatus unchanged, RefusalCode code, string reason) =>
        new(unchanged, null, new TransitionRefusal(code, reason));
}
