using TripleGain.Core.Market;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>The decisions page's data: keyset pages of the journal's decisions, their count and one decision's detail.</summary>
public interface IDecisionFeed
{
    /// <summary>The model ids a filter can choose from.</summary>
    IReadOnlyList<string> Models { get; }

    IReadOnlyList<Pair> Pairs { get; }

    Task<DecisionPage> PageAsync(DecisionFilter filter, DecisionPageRequest request, CancellationToken cancellationToken = default);

    Task<long> CountAsync(DecisionFilter filter, CancellationToken cancellationToken = default);

    /// <summary>The decision with its verdict and orders, or null.</summary>
    Task<DecisionDetail?> DetailAsync(long decisionId, CancellationToken cancellationToken = default);
}
