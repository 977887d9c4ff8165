using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>The global emergency stop: the active stop (null when trading may go on) and every change, oldest first.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.EmergencyStopView")]
public sealed record EmergencyStopView(
    [property: Id(0)] EmergencyStop? Stop,
    [property: Id(1)] IReadOnlyList<EmergencyStopChange> History)
{
    public bool IsStopped => Stop is not null;
}
