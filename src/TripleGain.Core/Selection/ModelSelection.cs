namespace TripleGain.Core.Selection;

/// <summary>
/// The selector's answer: every candidate ranked, the <see cref="Best"/> model or null, the <see cref="Reason"/> in one
/// sentence ("claude leads gpt-4o but P(better)=0.81 &lt; 0.95"), and the leader's comparisons.
/// </summary>
public sealed record ModelSelection(
    IReadOnlyList<ModelRanking> Ranking,
    string? Best,
    string Reason,
    IReadOnlyList<PairwiseComparison> Comparisons);
