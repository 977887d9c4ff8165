using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>The global emergency stop's persisted state: the active stop, every change, and how many changes are journalled.</summary>
[GenerateSerializer, Alias("triplegain.EmergencyStopGrainState")]
public sealed record EmergencyStopGrainState
{
    [Id(0)] public EmergencyStop? Stop { get; init; }
    [Id(1)] public IReadOnlyList<EmergencyStopChange> History { get; init; } = [];
    [Id(2)] public int Journaled { get; init; }
}
