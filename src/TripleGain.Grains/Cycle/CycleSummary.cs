namespace TripleGain.Grains.Cycle;

/// <summary>
/// What one cycle did. <see cref="Skipped"/> says why nothing ran (already done, another cycle running, stopped).
/// <see cref="OrdersQueued"/> counts orders sent to the approval queue instead of the exchange; <see cref="Halted"/>
/// lists "account: reason" for every account that did not trade because of an emergency stop or a pause.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.CycleSummary")]
public sealed record CycleSummary(
    [property: Id(0)] string CycleId,
    [property: Id(1)] DateTime MarketTime,
    [property: Id(2)] bool DecisionCycle,
    [property: Id(3)] int Decisions,
    [property: Id(4)] int OrdersPlaced,
    [property: Id(5)] int OrdersRejected,
    [property: Id(6)] double DurationMs,
    [property: Id(7)] string? Skipped,
    [property: Id(8)] IReadOnlyList<string> Errors,
    [property: Id(9)] int OrdersQueued = 0,
    [property: Id(10)] IReadOnlyList<string>? Halted = null);
