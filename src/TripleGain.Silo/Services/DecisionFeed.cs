using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>The decisions page over the decision journal: keyset paging (newest first), so a page costs the same at 100 or 100,000 decisions.</summary>
public sealed class DecisionFeed(IDecisionJournal journal, TradingConfig config) : IDecisionFeed
{
    public const int PageSize = 50;

    public IReadOnlyList<string> Models { get; } = [.. config.Models.ActiveModels];

    public IReadOnlyList<Pair> Pairs { get; } = [.. config.Pairs];

    public Task<DecisionPage> PageAsync(DecisionFilter filter, DecisionPageRequest request, CancellationToken cancellationToken = default) =>
        journal.QueryDecisionsAsync(filter, request, cancellationToken);

    public Task<long> CountAsync(DecisionFilter filter, CancellationToken cancellationToken = default) =>
        journal.CountDecisionsAsync(filter, cancellationToken);

    public Task<DecisionDetail?> DetailAsync(long decisionId, CancellationToken cancellationToken = default) =>
        journal.GetDecisionAsync(decisionId, cancellationToken);
}
