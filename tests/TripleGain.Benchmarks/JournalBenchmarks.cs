using BenchmarkDotNet.Attributes;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Journal;

namespace TripleGain.Benchmarks;

/// <summary>(e) The decisions page's queries on a SQLite journal of 100,000 decisions (see <see cref="JournalPages"/>).</summary>
[MemoryDiagnoser]
public class JournalBenchmarks
{
    private JournalPages? _pages;
    private DecisionCursor? _middle;
    private long _id;

    [GlobalSetup]
    public void Setup()
    {
        _pages = JournalPages.CreateAsync(100_000).GetAwaiter().GetResult();
        var newest = _pages.Journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(1)).GetAwaiter().GetResult().Items[0];
        _id = newest.Id / 2;
        _middle = new DecisionCursor(newest.DecidedAt.AddDays(-5), newest.Id / 2);
    }

    [GlobalCleanup]
    public void Cleanup() => _pages?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "newest 100")]
    public Task<DecisionPage> Newest() => _pages!.Journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(100));

    [Benchmark(Description = "newest 100, model+pair+action")]
    public Task<DecisionPage> Filtered() =>
        _pages!.Journal.QueryDecisionsAsync(new DecisionFilter(ModelId: "gpt", Pair: Pair.XrpUsdt, Action: TradeAction.Buy), DecisionPageRequest.Newest(100));

    [Benchmark(Description = "count, one model")]
    public Task<long> Count() => _pages!.Journal.CountDecisionsAsync(new DecisionFilter(ModelId: "claude"));

    [Benchmark(Description = "100 older than a cursor mid-history")]
    public Task<DecisionPage> Deep() => _pages!.Journal.QueryDecisionsAsync(DecisionFilter.All, new DecisionPageRequest(100, OlderThan: _middle));

    [Benchmark(Description = "one decision's detail")]
    public Task<DecisionDetail?> Detail() => _pages!.Journal.GetDecisionAsync(_id);
}
