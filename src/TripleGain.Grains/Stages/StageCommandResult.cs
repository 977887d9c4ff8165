using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// What a stage command did: <see cref="Applied"/> with the <see cref="Transition"/>, or the typed
/// <see cref="Refusal"/> (code + sentence for the operator); the account as it now stands; and how many open orders the
/// emergency stop cancelled.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.StageCommandResult")]
public sealed record StageCommandResult(
    [property: Id(0)] bool Applied,
    [property: Id(1)] StageTransition? Transition,
    [property: Id(2)] TransitionRefusal? Refusal,
    [property: Id(3)] StageView View,
    [property: Id(4)] int OrdersCancelled = 0);
