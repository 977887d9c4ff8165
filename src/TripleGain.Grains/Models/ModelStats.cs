namespace TripleGain.Grains.Models;

/// <summary>A model's statistics for the comparison table: counts, latency percentiles, parse success, tokens, cost.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.ModelStats")]
public sealed record ModelStats(
    [property: Id(0)] string ModelId,
    [property: Id(1)] bool Available,
    [property: Id(2)] long Calls,
    [property: Id(3)] long Decisions,
    [property: Id(4)] double? LatencyP50Ms,
    [property: Id(5)] double? LatencyP95Ms,
    [property: Id(6)] double? ParseSuccessRate,
    [property: Id(7)] long Errors,
    [property: Id(8)] long Timeouts,
    [property: Id(9)] long InputTokens,
    [property: Id(10)] long OutputTokens,
    [property: Id(11)] decimal CostUsd,
    [property: Id(12)] string? LastError,
    [property: Id(13)] DateTime? LastCallAt)
{
    /// <summary>The share of calls answered without error or timeout; null before the first call.</summary>
    public double? Uptime => Calls == 0 ? null : 1 - ((double)(Errors + Timeouts) / Calls);
}
