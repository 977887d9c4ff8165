using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Journal;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Auth;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Services;

/// <summary>A real SQLite journal holding 100,000 decisions, shared by the tests of a class.</summary>
public sealed class HundredThousandDecisions : IAsyncLifetime
{
    public const int Total = 100_000;
    private readonly TempFolder folder = new();

    public SqlDecisionJournal Journal { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var database = JournalDatabase.ForSqliteFile(Path.Combine(folder.Path, "journal.db"));
        await new JournalMigrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        Journal = new SqlDecisionJournal(database);
        for (var start = 1; start <= Total; start += 5_000)
        {
            var batch = Enumerable.Range(start, 5_000)
                .Select(i => new DecisionEntry(Samples.Decision(0, i % 2 == 0 ? "baseline" : "buy-and-hold", i % 3 == 0 ? Pair.XrpUsdt : Pair.BtcUsdt,
                    i % 4 == 0 ? TradeAction.Hold : TradeAction.Buy, minutes: i) with { DecisionKey = $"k-{i}", CycleId = null }))
                .ToList();
            await Journal.RecordDecisionsAsync(batch, TestContext.Current.CancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>The decisions facade over 100,000 journalled decisions: keyset pages deep in the history, filters.</summary>
public sealed class DecisionFeedTests(HundredThousandDecisions data) : IClassFixture<HundredThousandDecisions>
{
    private const int Total = HundredThousandDecisions.Total;
    private readonly SqlDecisionJournal journal = data.Journal;

    [Fact]
    public async Task PageAsync_HundredThousandDecisions_PagesNewestFirstDeepIntoHistory()
    {
        var feed = new DecisionFeed(journal, TradingConfig.PaperDefault);
        var ct = TestContext.Current.CancellationToken;

        (await feed.CountAsync(DecisionFilter.All, ct)).ShouldBe(Total);
        var page = await feed.PageAsync(DecisionFilter.All, DecisionPageRequest.Newest(DecisionFeed.PageSize), ct);
        page.Items.Count.ShouldBe(DecisionFeed.PageSize);
        page.Items[0].DecidedAt.ShouldBe(Samples.Start.AddMinutes(Total));
        page.Newer.ShouldBeNull();

        // 40 pages down by cursor, then one page up again.
        for (var i = 0; i < 40; i++)
        {
            page = await feed.PageAsync(DecisionFilter.All, new DecisionPageRequest(DecisionFeed.PageSize, OlderThan: page.Older), ct);
        }

        page.Items[0].DecidedAt.ShouldBe(Samples.Start.AddMinutes(Total - (40 * DecisionFeed.PageSize)));
        page.Items.Select(d => d.DecidedAt).ShouldBeInOrder(SortDirection.Descending);
        var up = await feed.PageAsync(DecisionFilter.All, new DecisionPageRequest(DecisionFeed.PageSize, NewerThan: page.Newer), ct);
        up.Items[^1].DecidedAt.ShouldBe(page.Items[0].DecidedAt.AddMinutes(1));

        var oldest = await feed.PageAsync(DecisionFilter.All, DecisionPageRequest.Oldest(DecisionFeed.PageSize), ct);
        oldest.Items[^1].DecidedAt.ShouldBe(Samples.Start.AddMinutes(1));
        oldest.Older.ShouldBeNull();
    }

    [Fact]
    public async Task PageAsync_FilterOnHundredThousand_ReturnsOnlyMatchesAndTheirCount()
    {
        var feed = new DecisionFeed(journal, TradingConfig.PaperDefault);
        var ct = TestContext.Current.CancellationToken;
        var filter = new DecisionFilter(ModelId: "baseline", Pair: Pair.XrpUsdt, Action: TradeAction.Hold);

        var page = await feed.PageAsync(filter, DecisionPageRequest.Newest(DecisionFeed.PageSize), ct);

        // i even, divisible by 3 and by 4: multiples of 12.
        (await feed.CountAsync(filter, ct)).ShouldBe(Total / 12);
        page.Items.ShouldAllBe(d => d.ModelId == "baseline" && d.Pair == Pair.XrpUsdt && d.Action == TradeAction.Hold);
        page.Items[0].DecidedAt.ShouldBe(Samples.Start.AddMinutes(Total - (Total % 12)));
    }
}
