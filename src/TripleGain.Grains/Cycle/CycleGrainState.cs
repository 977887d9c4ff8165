namespace TripleGain.Grains.Cycle;

/// <summary>
/// The cycle's persisted progress. <see cref="StartedCycle"/> is written before a cycle's side effects, so a cycle
/// interrupted by a crash is re-run with the same id (every step is idempotent by that id) and never twice after it
/// completed.
/// </summary>
[GenerateSerializer, Alias("triplegain.CycleGrainState")]
public sealed record CycleGrainState
{
    [Id(0)] public bool Enabled { get; init; }
    [Id(1)] public long StartedCycle { get; init; }
    [Id(2)] public long CompletedCycle { get; init; }
    [Id(3)] public DateTime? LastStartedAt { get; init; }
    [Id(4)] public DateTime? LastCompletedAt { get; init; }
    [Id(5)] public double LastDurationMs { get; init; }
    [Id(6)] public string? LastError { get; init; }
    [Id(7)] public long CyclesRun { get; init; }
    [Id(8)] public long DecisionCycles { get; init; }

    /// <summary>The market minute of the last decision cycle (null in state written before it was kept).</summary>
    [Id(9)] public DateTime? LastDecisionAt { get; init; }
}
