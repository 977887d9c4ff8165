namespace TripleGain.Grains.Cycle;

/// <summary>The cycle's latest self-report.</summary>
/// <param name="State">Where the cycle stands.</param>
/// <param name="Description">One line for an operator, e.g. "not started" or "cycle 42 completed in 180 ms".</param>
/// <param name="At">When the report was made; null before the first one.</param>
public sealed record CycleReport(CycleState State, string Description, DateTimeOffset? At)
{
    public static CycleReport NotStarted { get; } = new(CycleState.NotStarted, "not started", null);
}
