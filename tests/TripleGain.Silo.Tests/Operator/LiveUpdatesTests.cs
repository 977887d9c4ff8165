using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.Grains;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Models;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Portfolio;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Durability;
using TripleGain.Silo.Tests.Trading;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>
/// The silo's <see cref="LiveUpdates"/>, built on the silo's own grain factory (as in the host), raises Changed when
/// the grains publish: no background loop runs in these tests (or its safety re-check waits an hour), so nothing polls.
/// </summary>
[Collection(StageClusterCollection.Name)]
public sealed class LiveUpdatesTests(StageClusterFixture fixture)
{
    /// <summary>Renew as usual, but re-check only after an hour: a change seen within a test was pushed.</summary>
    private static readonly LiveUpdatesSettings NoPolling = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IServiceProvider SiloServices => fixture.Cluster.Primary.ShouldBeOfType<InProcessSiloHandle>().SiloHost.Services;

    private IGrainFactory SiloGrains => SiloServices.GetRequiredService<IGrainFactory>();

    private IOperatorFeedGrain Feed => fixture.Cluster.GrainFactory.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key);

    [Fact]
    public async Task RunOnceAsync_Subscribed_RaisesChangedForTheCycleStartAndCompletion()
    {
        using var live = Live();
        var changes = RecordingObserver.Follow(live);
        await live.SubscribeAsync();
        try
        {
            fixture.NextDecisionTime();
            var summary = await fixture.Cycle.RunOnceAsync();

            summary.Skipped.ShouldBeNull();
            await changes.WaitForAsync(OperatorChangeKind.CycleStarted, summary.CycleId);
            await changes.WaitForAsync(OperatorChangeKind.CycleCompleted, summary.CycleId);
            live.Version.ShouldBeGreaterThanOrEqualTo(2);
        }
        finally
        {
            await live.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task ApproveAsync_Subscribed_RaisesChangedForTheQueuedAndTheDecidedTrade()
    {
        const string model = "live-approve";
        var account = AccountIds.Paper(model);
        await fixture.PromoteToMicroLiveAsync(account);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        using var live = Live();
        var changes = RecordingObserver.Follow(live);
        await live.SubscribeAsync();
        try
        {
            fixture.NextDecisionTime();
            await fixture.Cycle.RunOnceAsync();
            await changes.WaitForAsync(OperatorChangeKind.ApprovalQueued, account);
            var queue = fixture.Cluster.GrainFactory.GetGrain<IApprovalQueueGrain>(account);
            var item = (await queue.ListAsync()).Pending.ShouldHaveSingleItem();

            var approved = await queue.ApproveAsync(item.Id, "dave", "live update test");

            approved.Outcome.ShouldBe(ApprovalOutcome.Placed, approved.Message);
            await changes.WaitForAsync(OperatorChangeKind.ApprovalDecided, account);
        }
        finally
        {
            await live.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task TickAsync_Subscribed_RaisesChangedForTheGateTick()
    {
        var account = AccountIds.Paper("live-tick");
        var grains = SiloGrains;
        var desk = new StageDesk(grains, StageClusterFixture.Config, new MarketClock(fixture.Clock),
            new GateFigures(grains, fixture.Journal, StageClusterFixture.Config, SiloServices.GetRequiredService<IModelRegistry>()), new GateTicks(fixture.Journal));
        var gate = PhaseGates.PaperToMicroLive;
        using var live = Live();
        var changes = RecordingObserver.Follow(live);
        await live.SubscribeAsync();
        try
        {
            var result = await desk.TickAsync(account, gate.Id, gate.ManualItems[0].Id, "alice", "checked", Cancel);

            result.Succeeded.ShouldBeTrue(result.Message);
            await changes.WaitForAsync(OperatorChangeKind.GateTicked, account);
        }
        finally
        {
            await live.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task PauseAsync_DeadObserverSubscribed_SucceedsAndLiveUpdatesStillRaisesChanged()
    {
        const string account = "paper:live-pause";
        var dead = fixture.Cluster.Client.CreateObjectReference<IOperatorObserver>(new RecordingObserver());
        await Feed.SubscribeAsync(dead);
        fixture.Cluster.Client.DeleteObjectReference<IOperatorObserver>(dead);
        using var live = Live();
        var changes = RecordingObserver.Follow(live);
        await live.SubscribeAsync();
        try
        {
            var paused = await fixture.Stage(account).PauseAsync("alice", "testing the feed");
            var resumed = await fixture.Stage(account).ResumeTradingAsync("alice", "done");

            paused.Applied.ShouldBeTrue();
            resumed.Applied.ShouldBeTrue();
            await changes.WaitForAsync(OperatorChangeKind.StageChanged, account);
            changes.Seen.Count(c => c?.Subject == account).ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            await Feed.UnsubscribeAsync(dead);
            await live.UnsubscribeAsync();
        }
    }

    [Fact]
    public async Task PromoteAsync_NobodySubscribed_Succeeds()
    {
        const string account = "paper:live-nobody";
        (await Feed.SubscribersAsync()).ShouldBe(0);

        var promoted = await fixture.PromoteToMicroLiveAsync(account);

        promoted.Status.Position.ShouldBe(StagePosition.MicroLive100);
    }

    [Fact]
    public async Task StartAsync_Running_SubscribesRaisesChangedOnAStageChangeAndUnsubscribesOnStop()
    {
        const string account = "paper:live-service";
        var before = await Feed.SubscribersAsync();
        using var live = Live();
        var changes = RecordingObserver.Follow(live);

        await live.StartAsync(Cancel);
        await Waiting.UntilAsync(async () => await Feed.SubscribersAsync() == before + 1, RecordingObserver.Patience, () => "LiveUpdates did not subscribe");
        var paused = await fixture.Stage(account).PauseAsync("alice", "testing the service");
        await changes.WaitForAsync(OperatorChangeKind.StageChanged, account);
        await live.StopAsync(Cancel);

        paused.Applied.ShouldBeTrue();
        (await Feed.SubscribersAsync()).ShouldBe(before);
        // the start's re-check only recorded the tokens; every change seen was pushed
        changes.Seen.ShouldAllBe(c => c != null);
    }

    [Fact]
    public async Task CheckAsync_SourceMovedWithoutNotification_RaisesChangedOnceWithoutAChange()
    {
        var source = new MovableSource();
        using var live = Live([source]);
        var changes = RecordingObserver.Follow(live);

        await live.CheckAsync(Cancel);
        await live.CheckAsync(Cancel);
        var unchanged = changes.Seen.Count;
        source.Token = "moved";
        await live.CheckAsync(Cancel);
        await live.CheckAsync(Cancel);

        unchanged.ShouldBe(0);
        changes.Seen.ShouldBe([null]);
        live.Version.ShouldBe(1);
    }

    [Fact]
    public void Settings_ResubscribeNotWithinExpiry_ThrowsNamingTheRule()
    {
        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new LiveUpdatesSettings(OperatorFeedGrain.SubscriptionExpiry, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));

        ex.ParamName.ShouldBe("resubscribePeriod");
        ex.Message.ShouldContain("half the feed's subscription expiry");
    }

    private LiveUpdates Live(IEnumerable<ILiveSource>? sources = null) =>
        new(SiloGrains, StageClusterFixture.Config, sources ?? [], NoPolling, NullLogger<LiveUpdates>.Instance);

    private sealed class MovableSource : ILiveSource
    {
        public string Token { get; set; } = "start";

        public ValueTask<string> ReadTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Token);
    }
}
