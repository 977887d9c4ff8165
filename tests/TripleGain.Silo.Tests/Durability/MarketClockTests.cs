using Microsoft.Extensions.DependencyInjection;
using TripleGain.Grains;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.PostgreSql;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// The market clock's anchor: persisted once per service in the storage database, so an accelerated market clock
/// continues after a restart (it never goes back to the real time) and the silos of a cluster agree on market time.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class MarketClockTests : IDisposable
{
    private static readonly DateTimeOffset RealStart = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private StorageSettings Sqlite => StorageSettings.ForSqlite(data.Path);

    [Fact]
    public void MarketTimeAt_TenRealSecondsAt60x_IsTenMarketMinutesLater()
    {
        var anchor = new MarketClockAnchor(RealStart, RealStart.AddDays(1), 60);

        anchor.MarketTimeAt(RealStart.AddSeconds(10)).ShouldBe(RealStart.AddDays(1).AddMinutes(10));
        anchor.WithSpeed(1, RealStart.AddSeconds(10)).ShouldBe(new MarketClockAnchor(RealStart.AddSeconds(10), RealStart.AddDays(1).AddMinutes(10), 1));
    }

    [Fact]
    public async Task LoadOrCreateAsync_FirstStart_StartsTheMarketAtTheRealTime()
    {
        var anchor = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart, TestContext.Current.CancellationToken);

        anchor.ShouldBe(new MarketClockAnchor(RealStart, RealStart, 60));
        (await MarketClockStore.ReadAsync(Sqlite, "svc", TestContext.Current.CancellationToken)).ShouldBe(anchor);
    }

    [Fact]
    public async Task LoadOrCreateAsync_FirstStartWithAMarketStart_StartsThereAndARestartIgnoresAnotherOne()
    {
        var replay = new DateTimeOffset(2025, 2, 2, 14, 0, 0, TimeSpan.Zero);

        var first = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart, replay, TestContext.Current.CancellationToken);
        var restarted = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart.AddSeconds(10), replay.AddDays(30), TestContext.Current.CancellationToken);

        first.ShouldBe(new MarketClockAnchor(RealStart, replay, 60));
        restarted.ShouldBe(first);
        restarted.MarketTimeAt(RealStart.AddSeconds(10)).ShouldBe(replay.AddMinutes(10), "market time continues, it never jumps");
    }

    [Fact]
    public async Task LoadOrCreateAsync_RestartAtTheSameSpeed_KeepsTheAnchorSoMarketTimeGoesOn()
    {
        var first = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart, TestContext.Current.CancellationToken);

        var restarted = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart.AddSeconds(30), TestContext.Current.CancellationToken);

        restarted.ShouldBe(first);
        restarted.MarketTimeAt(RealStart.AddSeconds(30)).ShouldBe(RealStart.AddMinutes(30), "30 real seconds at 60x, down time included");
    }

    [Fact]
    public async Task LoadOrCreateAsync_RestartAtAnotherSpeed_ContinuesFromTheMarketTimeReached()
    {
        await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 60, RealStart, TestContext.Current.CancellationToken);

        var slower = await MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 1, RealStart.AddMinutes(1), TestContext.Current.CancellationToken);

        slower.ShouldBe(new MarketClockAnchor(RealStart.AddMinutes(1), RealStart.AddHours(1), 1));
        slower.MarketTimeAt(RealStart.AddMinutes(2)).ShouldBe(RealStart.AddHours(1).AddMinutes(1), "market time stays an hour ahead, never back");
        (await MarketClockStore.ReadAsync(Sqlite, "svc", TestContext.Current.CancellationToken)).ShouldBe(slower);
    }

    [Fact]
    public async Task LoadOrCreateAsync_TwoServices_EachHasItsOwnAnchor()
    {
        await MarketClockStore.LoadOrCreateAsync(Sqlite, "one", 60, RealStart, TestContext.Current.CancellationToken);

        var other = await MarketClockStore.LoadOrCreateAsync(Sqlite, "two", 10, RealStart.AddHours(1), TestContext.Current.CancellationToken);

        other.ShouldBe(new MarketClockAnchor(RealStart.AddHours(1), RealStart.AddHours(1), 10));
        (await MarketClockStore.ReadAsync(Sqlite, "one", TestContext.Current.CancellationToken)).ShouldBe(new MarketClockAnchor(RealStart, RealStart, 60));
    }

    [Fact]
    public async Task LoadOrCreateAsync_SpeedBelowOne_ThrowsAndStoresNothing()
    {
        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(
            () => MarketClockStore.LoadOrCreateAsync(Sqlite, "svc", 0.5, RealStart, TestContext.Current.CancellationToken));

        error.Message.ShouldContain("at least 1");
        (await MarketClockStore.ReadAsync(Sqlite, "svc", TestContext.Current.CancellationToken)).ShouldBeNull();
    }

    [Fact]
    public async Task LoadOrCreateAsync_PostgreSqlSilosStartingTogether_ShareOneAnchor()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var storage = StorageSettings.ForPostgreSql(database.ConnectionString, data.Path);

        var anchors = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            MarketClockStore.LoadOrCreateAsync(storage, "cluster", 60, RealStart.AddSeconds(i), TestContext.Current.CancellationToken)));

        anchors.Distinct().ShouldHaveSingleItem().Speed.ShouldBe(60);
        (await MarketClockStore.ReadAsync(storage, "cluster", TestContext.Current.CancellationToken)).ShouldBe(anchors[0]);
    }

    [Fact]
    public void AnchoredMarketTime_BeforeItIsAnchored_RefusesToTell()
    {
        var time = new AnchoredMarketTime(TimeProvider.System, 60);

        Should.Throw<InvalidOperationException>(() => time.GetUtcNow()).Message.ShouldContain("not anchored");
        Should.Throw<ArgumentException>(() => time.SetAnchor(new MarketClockAnchor(RealStart, RealStart, 10))).Message.ShouldContain("configured for 60x");
    }

    [Fact]
    public async Task Restart_AcceleratedMarketClockInTheSilo_MarketTimeNeverGoesBack()
    {
        var arguments = RunningSilo.Arguments(data.Path);
        arguments.Add("--Market:ClockSpeed=60");
        DateTime marketBefore;
        MarketClockAnchor? anchorBefore;
        await using (var silo = await RunningSilo.StartAsync(arguments, TestContext.Current.CancellationToken))
        {
            anchorBefore = silo.App.Services.GetRequiredService<AnchoredMarketTime>().Anchor;
            marketBefore = silo.App.Services.GetRequiredService<MarketClock>().UtcNow;
        }

        await using (var silo = await RunningSilo.StartAsync(arguments, TestContext.Current.CancellationToken))
        {
            var marketAfter = silo.App.Services.GetRequiredService<MarketClock>().UtcNow;
            var realAfter = DateTimeOffset.UtcNow;

            silo.App.Services.GetRequiredService<AnchoredMarketTime>().Anchor.ShouldBe(anchorBefore.ShouldNotBeNull());
            marketAfter.ShouldBeGreaterThan(marketBefore, "the market clock went back after the restart");
            marketAfter.ShouldBe(anchorBefore.MarketTimeAt(realAfter).UtcDateTime, TimeSpan.FromSeconds(60), "market time follows the stored anchor");
        }
    }
}
