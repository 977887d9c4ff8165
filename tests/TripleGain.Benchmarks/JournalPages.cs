using System.Diagnostics;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Journal;

namespace TripleGain.Benchmarks;

/// <summary>
/// (e) The decisions page's queries against a SQLite journal (the embedded default) holding <see cref="Count"/>
/// decisions: five LLM models and the two benchmarks deciding the three pairs every five minutes, LLM decisions with
/// their rendered prompt, raw output and reasoning. Each query is what the page asks for one screen: the newest 100
/// (unfiltered, or filtered by model, pair and action), the count shown beside it, a page deep in the history reached
/// by its cursor, and one decision's detail (prompt, verdict, orders).
/// </summary>
public sealed class JournalPages : IAsyncDisposable
{
    private static readonly string[] Models = ["claude", "gpt", "grok", "deepseek", "qwen", "baseline", "buy-and-hold"];
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _directory;
    private readonly List<DecisionCursor> _cursors = [];
    private readonly List<long> _ids = [];

    private JournalPages(string directory, SqlDecisionJournal journal, int count)
    {
        _directory = directory;
        Journal = journal;
        Count = count;
    }

    public SqlDecisionJournal Journal { get; }

    public int Count { get; }

    /// <summary>A temporary journal filled with <paramref name="count"/> decisions (not measured).</summary>
    public static async Task<JournalPages> CreateAsync(int count)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"tg-bench-journal-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var database = JournalDatabase.ForSqliteFile(Path.Combine(directory, "journal.db"));
        await new JournalMigrator(database).MigrateAsync().ConfigureAwait(false);
        var pages = new JournalPages(directory, new SqlDecisionJournal(database), count);
        await pages.FillAsync().ConfigureAwait(false);
        return pages;
    }

    /// <summary>The page's five queries, <paramref name="rounds"/> times each; the milliseconds of every query, sorted, per kind.</summary>
    public async Task<IReadOnlyDictionary<string, double[]>> MeasureAsync(int rounds)
    {
        var samples = new Dictionary<string, List<double>>(StringComparer.Ordinal)
        {
            ["newest"] = [], ["filtered"] = [], ["count"] = [], ["deep"] = [], ["detail"] = [],
        };
        for (var round = 0; round < rounds; round++)
        {
            var model = Models[round % Models.Length];
            await TimeAsync(samples["newest"], () => Journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(100))).ConfigureAwait(false);
            await TimeAsync(samples["filtered"], () => Journal.QueryDecisionsAsync(
                new DecisionFilter(ModelId: model, Pair: Pair.All[round % 3], Action: TradeAction.Buy), DecisionPageRequest.Newest(100))).ConfigureAwait(false);
            await TimeAsync(samples["count"], () => Journal.CountDecisionsAsync(new DecisionFilter(ModelId: model))).ConfigureAwait(false);
            var cursor = _cursors[round % _cursors.Count];
            await TimeAsync(samples["deep"], () => Journal.QueryDecisionsAsync(DecisionFilter.All, new DecisionPageRequest(100, OlderThan: cursor))).ConfigureAwait(false);
            var id = _ids[(round * 7919) % _ids.Count];
            await TimeAsync(samples["detail"], () => Journal.GetDecisionAsync(id)).ConfigureAwait(false);
        }

        return samples.ToDictionary(s => s.Key, s => s.Value.Order().ToArray(), StringComparer.Ordinal);
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a pooled handle may linger; the temp folder is harmless
        }

        return ValueTask.CompletedTask;
    }

    private static async Task TimeAsync<T>(List<double> samples, Func<Task<T>> query)
    {
        var started = Stopwatch.GetTimestamp();
        _ = await query().ConfigureAwait(false);
        samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private async Task FillAsync()
    {
        const int batchSize = 2_000;
        var batch = new List<DecisionEntry>(batchSize);
        var written = 0;
        var cycle = 0;
        while (written < Count)
        {
            var at = Start.AddMinutes(5 * cycle);
            var cycleId = $"paper-{cycle}";
            await Journal.BeginCycleAsync(cycleId, "paper", at).ConfigureAwait(false);
            foreach (var model in Models)
            {
                var llm = model is not ("baseline" or "buy-and-hold");
                var prompt = llm ? $"SYSTEM\nYou are a trading agent.\n\nUSER\ncycle {cycle} {model}: " + new string('x', 3_000) : null;
                foreach (var pair in Pair.All)
                {
                    if (written == Count)
                    {
                        break;
                    }

                    var action = (cycle + pair.Symbol.Length) % 4 == 0 ? TradeAction.Buy : TradeAction.Hold;
                    batch.Add(new DecisionEntry(new DecisionRecord(
                        0, $"{cycleId}:{model}:{pair.Symbol}", cycleId, $"paper:{model}", model, pair, at,
                        llm ? "trading/decision@1" : null, llm ? new string('a', 64) : null, llm ? "{\"decisions\":[...]}" : null, null,
                        action, action == TradeAction.Buy ? 10m : 0m, 0.7, null, null,
                        "EMA 9 above 21 on 1h, RSI 55, volume above its 20-period average; trend up on 4h, waiting for a pullback.",
                        ParseStatus.Ok, null, llm ? 1_800 : 0.05, llm ? 1_200 : 0, llm ? 150 : 0, llm ? 0.004m : 0m)
                    { PromptText = prompt }, null));
                    written++;
                }
            }

            if (batch.Count >= batchSize || written == Count)
            {
                var recorded = await Journal.RecordDecisionsAsync(batch).ConfigureAwait(false);
                _ids.Add(recorded[0].Value);
                _cursors.Add(new DecisionCursor(batch[0].Decision.DecidedAt, recorded[0].Value));
                batch.Clear();
            }

            cycle++;
        }
    }
}
