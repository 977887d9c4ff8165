namespace TripleGain.Grains.Cycle;

/// <summary>The cycle's status for the UI and health: the persisted progress, whether a cycle is running now and the market time.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.CycleStatus")]
public sealed record CycleStatus(
    [property: Id(0)] CycleGrainState State,
    [property: Id(1)] bool Running,
    [property: Id(2)] DateTime MarketTime,
    [property: Id(3)] TimeSpan Interval,
    [property: Id(4)] IReadOnlyList<string> Accounts);
