namespace TripleGain.Core.Selection;

/// <summary>
/// A model's place in the ranking: 1-based <see cref="Rank"/> by composite <see cref="Score"/> (0..1), whether it is a
/// benchmark, whether it may be named best (<see cref="Eligible"/>; benchmarks never are) and why not.
/// </summary>
public sealed record ModelRanking(
    int Rank,
    string ModelId,
    bool IsBenchmark,
    double Score,
    bool Eligible,
    IReadOnlyList<string> IneligibleReasons,
    IReadOnlyList<MetricScore> Metrics);
