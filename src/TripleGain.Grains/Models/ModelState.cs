namespace TripleGain.Grains.Models;

/// <summary>A model's persisted statistics. Latencies keep the last <see cref="ModelGrain.LatencyWindow"/> calls.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.ModelState")]
public sealed record ModelState
{
    [Id(0)] public long Calls { get; init; }
    [Id(1)] public long Decisions { get; init; }
    [Id(2)] public long ParseSuccesses { get; init; }
    [Id(3)] public long ParseFailures { get; init; }
    [Id(4)] public long Errors { get; init; }
    [Id(5)] public long Timeouts { get; init; }
    [Id(6)] public long InputTokens { get; init; }
    [Id(7)] public long OutputTokens { get; init; }
    [Id(8)] public decimal CostUsd { get; init; }
    [Id(9)] public IReadOnlyList<double> RecentLatenciesMs { get; init; } = [];
    [Id(10)] public string? LastError { get; init; }
    [Id(11)] public DateTime? LastCallAt { get; init; }
}
