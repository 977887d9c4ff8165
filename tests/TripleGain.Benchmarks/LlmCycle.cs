using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using TripleGain.Llm;
using TripleGain.Llm.Fakes;

namespace TripleGain.Benchmarks;

/// <summary>
/// The model step of one decision cycle with five LLM models, one per provider (Anthropic, OpenAI, xAI, DeepSeek,
/// Ollama), each answering after <see cref="Latency"/> at a local fake provider server, through the real SDKs, resilience
/// handlers and HTTP. The models are asked the way the cycle grain asks its accounts' models: all at once, the cycle
/// waiting for the slowest. Five answers of 2 s each therefore take a little more than 2 s, not 10 s.
/// </summary>
public sealed class LlmCycle : IAsyncDisposable
{
    private readonly FakeProviderServer _server;
    private readonly ModelCatalog _catalog;
    private readonly DecisionContext _context;

    private LlmCycle(FakeProviderServer server, ModelCatalog catalog, DecisionContext context, TimeSpan latency)
    {
        _server = server;
        _catalog = catalog;
        _context = context;
        Latency = latency;
    }

    public TimeSpan Latency { get; }

    public int Models => _catalog.Models.Count;

    /// <summary>The most provider calls that were in flight at once.</summary>
    public int MaxConcurrency => _server.MaxConcurrency;

    public static async Task<LlmCycle> StartAsync(TimeSpan latency)
    {
        var server = await FakeProviderServer.StartAsync().ConfigureAwait(false);
        server.Latency = latency;
        server.DecisionJson = """{"decisions":[{"pair":"BTC/USDT","action":"HOLD","size_pct":0,"confidence":0.5,"stop_loss":null,"take_profit":null,"reasoning":"benchmark"}]}""";
        var catalog = TestModels.Catalog([TestModels.Anthropic(server), TestModels.OpenAI(server), TestModels.XAi(server), TestModels.DeepSeek(server), TestModels.Ollama(server)]);
        await catalog.ProbeAllAsync().ConfigureAwait(false);
        var unusable = catalog.Statuses.Where(s => !s.IsUsable).ToList();
        if (unusable.Count > 0)
        {
            throw new InvalidOperationException($"Benchmark models not usable: {string.Join("; ", unusable.Select(s => $"{s.ModelId}: {s.Detail}"))}.");
        }

        return new LlmCycle(server, catalog, Context(), latency);
    }

    /// <summary>Asks the five models at once; returns the decisions they made.</summary>
    public async Task<int> RunAsync()
    {
        var runs = await Task.WhenAll(_catalog.Models.Select(m => m.RunDetailedAsync(_context))).ConfigureAwait(false);
        var failed = runs.FirstOrDefault(r => r.Outcome != LlmRunOutcome.Decided);
        return failed is null
            ? runs.Sum(r => r.Run.Decisions.Count)
            : throw new InvalidOperationException($"A benchmark model did not decide: {failed.Outcome} {failed.Detail}");
    }

    public async ValueTask DisposeAsync()
    {
        _catalog.Dispose();
        await _server.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>A real decision context: three pairs after three days of the simulated market, the seed's paper account.</summary>
    private static DecisionContext Context()
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddDays(3);
        var tracker = new MarketTracker(Pair.All);
        var exchange = new PaperExchange(Account.CreatePaper("benchmark", start));
        foreach (var bar in new SimulatedCandleSource(new SimulatedMarketOptions { Start = start }).GetBars(start, end))
        {
            exchange.OnCandle(bar.Pair, bar.Candle);
            tracker.Add(bar.Pair, bar.Candle);
        }

        return CyclePlanner.Context(end, tracker, exchange.Snapshot(end), TradingConfig.PaperDefault.Constraints);
    }
}
