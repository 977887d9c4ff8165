namespace TripleGain.Grains.Stages;

/// <summary>
/// An account model grain's persisted state: the chosen model (null: the configuration's rule), every change, how many
/// of them are journalled (the state is written first; unwritten entries are retried on the next call) and the last
/// automatic-switch check.
/// </summary>
[GenerateSerializer, Alias("triplegain.AccountModelState")]
public sealed record AccountModelState
{
    [Id(0)] public string? ModelId { get; init; }

    [Id(1)] public IReadOnlyList<ModelChange> Changes { get; init; } = [];

    [Id(2)] public int Journaled { get; init; }

    [Id(3)] public AutoSwitchCheck? LastCheck { get; init; }
}
