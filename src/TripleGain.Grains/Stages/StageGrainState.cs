using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// A stage grain's persisted state: Core's <see cref="StageStatus"/> (null until first use), when the account
/// started, the last rollback check, and how many journal entries are written: entry 0 is the start, entry i the
/// status' History[i - 1]. The state is written before the journal, so a journal outage never blocks a transition (an
/// emergency stop least of all); unwritten entries are retried on the next call.
/// </summary>
[GenerateSerializer, Alias("triplegain.StageGrainState")]
public sealed record StageGrainState
{
    [Id(0)] public StageStatus? Status { get; init; }
    [Id(1)] public DateTime? StartedAt { get; init; }
    [Id(2)] public RollbackCheck? LastRollbackCheck { get; init; }
    [Id(3)] public int Journaled { get; init; }
}
