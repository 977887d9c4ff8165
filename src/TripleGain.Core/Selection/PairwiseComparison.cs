namespace TripleGain.Core.Selection;

/// <summary>
/// The leader against one other model over the days both have returns: the mean of the daily return differences
/// (leader - other) and the bootstrap probability that the leader's mean daily return is higher; null when they share
/// fewer than <see cref="ModelSelectorSettings.MinimumDays"/> days.
/// </summary>
public sealed record PairwiseComparison(string Leader, string Other, bool OtherIsBenchmark, int CommonDays, double MeanDailyDifference, double? ProbabilityBetter)
{
    /// <summary>Whether the lead reaches <paramref name="confidence"/>.</summary>
    public bool IsMeaningful(double confidence) => ProbabilityBetter >= confidence;
}
