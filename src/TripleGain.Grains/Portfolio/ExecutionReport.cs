using TripleGain.Core.Exchange;
using TripleGain.Core.Portfolio;

namespace TripleGain.Grains.Portfolio;

/// <summary>What executing one cycle's orders did: each order's result, or that the cycle had already been executed.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.ExecutionReport")]
public sealed record ExecutionReport(
    [property: Id(0)] string CycleId,
    [property: Id(1)] bool AlreadyExecuted,
    [property: Id(2)] IReadOnlyList<OrderResult> Results,
    [property: Id(3)] PortfolioSnapshot Snapshot);
