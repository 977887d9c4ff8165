using TripleGain.Core.Metrics;

namespace TripleGain.Core.Selection;

/// <summary>
/// One model's record over the evaluation period, as the silo measures it: the daily returns of its paper account
/// (<see cref="EquityCurve.DailyReturns"/>, one per UTC day in date order), its <see cref="PerformanceReport"/>, and its
/// operational figures (fractions are 0..1; null = not measured). The benchmarks ("baseline", "buy-and-hold") are
/// candidates like any other; <see cref="ModelSelectorSettings.Benchmarks"/> names them.
/// </summary>
public sealed record ModelCandidate
{
    /// <summary>"claude-sonnet-4-5", "baseline".</summary>
    public required string ModelId { get; init; }

    /// <summary>Daily returns of the model's paper account, days strictly increasing.</summary>
    public required IReadOnlyList<DailyReturn> DailyReturns { get; init; }

    /// <summary>The account's performance over the same period.</summary>
    public required PerformanceReport Performance { get; init; }

    /// <summary>Share of cycles in which the model answered within its timeout.</summary>
    public double? Uptime { get; init; }

    public TimeSpan? LatencyP50 { get; init; }

    public TimeSpan? LatencyP95 { get; init; }

    /// <summary>Share of outputs that parsed into a valid decision (1 for rule-based models).</summary>
    public double? ParseSuccessRate { get; init; }

    /// <summary>Provider cost over the period in USD (0 for local and rule-based models).</summary>
    public decimal CostUsd { get; init; }
}
