using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>What a stop or resume of the global emergency stop did: applied, or refused with the reason; the stop as it now stands; open orders cancelled.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.EmergencyStopResult")]
public sealed record EmergencyStopResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] TransitionRefusal? Refusal,
    [property: Id(2)] EmergencyStopView View,
    [property: Id(3)] int OrdersCancelled = 0);
