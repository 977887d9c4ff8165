using TripleGain.Core.Market;
using TripleGain.Journal;
using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

/// <summary>Decisions in memory, newest first, paged by the same keyset rules as the journal (for the page's behaviour, not the SQL).</summary>
public sealed class FakeDecisionFeed(IReadOnlyList<DecisionRecord> decisions, IReadOnlyDictionary<long, DecisionDetail>? details = null) : IDecisionFeed
{
    public List<(DecisionFilter Filter, DecisionPageRequest Request)> Queries { get; } = [];

    public IReadOnlyList<string> Models { get; } = ["baseline", "buy-and-hold"];

    public IReadOnlyList<Pair> Pairs { get; } = [Pair.BtcUsdt, Pair.XrpUsdt, Pair.XrpBtc];

    public Task<DecisionPage> PageAsync(DecisionFilter filter, DecisionPageRequest request, CancellationToken cancellationToken = default)
    {
        Queries.Add((filter, request));
        var matching = Matching(filter).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToList();
        List<DecisionRecord> items;
        if (request.OlderThan is { } older)
        {
            items = matching.Where(d => IsOlder(d, older)).Take(request.Limit).ToList();
        }
        else if (request.NewerThan is { } newer)
        {
            items = matching.Where(d => !IsOlder(d, newer) && !IsAt(d, newer)).TakeLast(request.Limit).ToList();
        }
        else
        {
            items = matching.Take(request.Limit).ToList();
        }

        var olderCursor = items.Count > 0 && matching.Any(d => IsOlder(d, DecisionCursor.Of(items[^1]))) ? DecisionCursor.Of(items[^1]) : null;
        var newerCursor = items.Count > 0 && matching.Any(d => !IsOlder(d, DecisionCursor.Of(items[0])) && !IsAt(d, DecisionCursor.Of(items[0]))) ? DecisionCursor.Of(items[0]) : null;
        return Task.FromResult(new DecisionPage(items, olderCursor, newerCursor));
    }

    public Task<long> CountAsync(DecisionFilter filter, CancellationToken cancellationToken = default) =>
        Task.FromResult((long)Matching(filter).Count());

    public Task<DecisionDetail?> DetailAsync(long decisionId, CancellationToken cancellationToken = default) =>
        Task.FromResult(details?.GetValueOrDefault(decisionId)
            ?? decisions.Where(d => d.Id == decisionId).Select(d => new DecisionDetail(d, null, [])).FirstOrDefault());

    private static bool IsOlder(DecisionRecord d, DecisionCursor c) => d.DecidedAt < c.DecidedAt || (d.DecidedAt == c.DecidedAt && d.Id < c.Id);

    private static bool IsAt(DecisionRecord d, DecisionCursor c) => d.DecidedAt == c.DecidedAt && d.Id == c.Id;

    private IEnumerable<DecisionRecord> Matching(DecisionFilter f) => decisions.Where(d =>
        (f.ModelId is null || d.ModelId == f.ModelId) && (f.Pair is null || d.Pair == f.Pair)
        && (f.Action is null || d.Action == f.Action) && (f.ParseStatus is null || d.ParseStatus == f.ParseStatus));
}
