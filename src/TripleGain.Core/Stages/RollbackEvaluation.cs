namespace TripleGain.Core.Stages;

/// <summary>
/// What <see cref="RollbackRules.Evaluate"/> measured and did: the new <see cref="Status"/> (the input status when
/// nothing fired), the <see cref="Transitions"/> applied (empty, or a rollback / halve and/or a pause), the drawdown
/// from the window's peak, the completed weeks and the longest losing run, so the UI can show how close each rule is.
/// </summary>
public sealed record RollbackEvaluation(
    StageStatus Status,
    IReadOnlyList<StageTransition> Transitions,
    decimal? PeakEquity,
    decimal MaxDrawdown,
    decimal DrawdownLimit,
    IReadOnlyList<WeeklyReturn> Weeks,
    int LongestLosingRun)
{
    /// <summary>At least one rule fired and changed the status.</summary>
    public bool Changed => Transitions.Count > 0;
}
