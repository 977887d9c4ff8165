using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>The cycle under the stage rules: paper accounts trade directly, stopped accounts (one, or all) place nothing.</summary>
[Collection(StageClusterCollection.Name)]
public sealed class StageCycleTests(StageClusterFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IEmergencyStopGrain GlobalStop => fixture.Cluster.GrainFactory.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global);

    [Fact]
    public async Task RunOnceAsync_PaperTradingAccount_PlacesWithoutApprovalUnderPaperLimits()
    {
        const string model = "paper-direct";
        var account = AccountIds.Paper(model);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        fixture.NextDecisionTime();

        var summary = await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        summary.Errors.ShouldBeEmpty();
        summary.Halted!.ShouldNotContain(h => h.StartsWith($"{account}:", StringComparison.Ordinal));
        fixture.Model(model).LastContext!.Constraints.MaxTradesPerDay.ShouldBe(10);
        fixture.Model(model).LastContext!.Constraints.AllowedPairs.ShouldBe(Pair.All);
        (await fixture.Cluster.GrainFactory.GetGrain<IApprovalQueueGrain>(account).ListAsync()).Pending.ShouldBeEmpty();
        (await fixture.Journal.PendingApprovalsAsync(account, Cancel)).ShouldBeEmpty();
        (await fixture.Portfolio(account).SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task RunOnceAsync_AfterTheCycleGrainIsReactivated_TheModelStillSeesItsRecentTradesFromTheJournal()
    {
        const string model = "memory";
        fixture.Model(model).BuyOnce((Pair.XrpUsdt, 30m));
        fixture.NextDecisionTime();
        (await fixture.Cycle.RunOnceAsync()).Errors.ShouldBeEmpty();
        fixture.NextDecisionTime();
        await fixture.Cycle.RunOnceAsync();
        var remembered = fixture.Model(model).LastContext!.RecentDecisions.ShouldHaveSingleItem();
        remembered.Action.ShouldBe(TradeAction.Buy);

        // A restart or failover: the activation's memory is gone, the journal is not.
        await fixture.DeactivateAsync(fixture.Cycle);
        fixture.NextDecisionTime();
        (await fixture.Cycle.RunOnceAsync()).Errors.ShouldBeEmpty();

        var recalled = fixture.Model(model).LastContext!.RecentDecisions.ShouldHaveSingleItem();
        recalled.ShouldBe(remembered with { Timestamp = recalled.Timestamp });
        recalled.Timestamp.ShouldBe(remembered.Timestamp, TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task RunOnceAsync_EmergencyStoppedAccount_AsksNoModelPlacesNothingCancelsOrdersUntilAPersonResumes()
    {
        const string model = "stopped";
        var account = AccountIds.Paper(model);
        var portfolio = fixture.Portfolio(account);
        var now = fixture.NextDecisionTime();
        await portfolio.SyncAsync(now);
        var stopped = await fixture.Stage(account).EmergencyStopAsync("alice", "model misbehaves");
        stopped.Applied.ShouldBeTrue();
        // an order that reaches the account after the stop (a cycle in flight) is cancelled by the next cycle
        await portfolio.ExecuteAsync("stopped-late", [new OrderRequest("t-stopped-late", Pair.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.001m, 1000m)], now);
        (await portfolio.OpenOrdersAsync()).Count.ShouldBe(1);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        var calls = fixture.Model(model).Calls;
        fixture.NextDecisionTime();

        var halted = await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        halted.Errors.ShouldBeEmpty();
        halted.Halted!.ShouldContain(h => h.StartsWith($"{account}: emergency stop by alice", StringComparison.Ordinal) && h.EndsWith("model misbehaves", StringComparison.Ordinal));
        fixture.Model(model).Calls.ShouldBe(calls);
        (await portfolio.OpenOrdersAsync()).ShouldBeEmpty();
        (await fixture.Journal.GetOrderAsync("t-stopped-late", Cancel))!.Status.ShouldBe(OrderRecordStatus.Cancelled);
        (await portfolio.SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBe(0m);
        var decisions = await fixture.Journal.QueryDecisionsAsync(DecisionFilter.All with { AccountId = account }, DecisionPageRequest.Newest(100), Cancel);
        decisions.Items.Where(d => d.CycleId == halted.CycleId).ShouldBeEmpty();

        (await fixture.Stage(account).ResumeAsync("system", "auto")).Refusal!.Code.ShouldBe(RefusalCode.PersonRequired);
        (await fixture.Stage(account).ResumeAsync("bob", "model fixed")).Applied.ShouldBeTrue();
        fixture.NextDecisionTime();
        var resumed = await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        resumed.Halted!.ShouldNotContain(h => h.StartsWith($"{account}:", StringComparison.Ordinal));
        fixture.Model(model).Calls.ShouldBe(calls + 1);
        (await portfolio.SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBeGreaterThan(0m);
    }

    [Fact]
    public async Task RunOnceAsync_StopPressedWhileTheModelDecides_PlacesNothingAndJournalsTheDecisionsAsHalted()
    {
        const string model = "stopped-mid-cycle";
        var account = AccountIds.Paper(model);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        fixture.Model(model).WhileDeciding(() => fixture.Stage(account).EmergencyStopAsync("alice", "pressed mid-cycle"));
        fixture.NextDecisionTime();

        var summary = await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        summary.Errors.ShouldBeEmpty();
        summary.Halted!.ShouldContain(h => h.StartsWith($"{account}: emergency stop by alice", StringComparison.Ordinal));
        var decisions = (await fixture.Journal.QueryDecisionsAsync(DecisionFilter.All with { AccountId = account }, DecisionPageRequest.Newest(100), Cancel))
            .Items.Where(d => d.CycleId == summary.CycleId).ToList();
        var buy = decisions.ShouldHaveSingleItem();
        buy.Action.ShouldBe(Core.Agents.TradeAction.Buy);
        var detail = (await fixture.Journal.GetDecisionAsync(buy.Id, Cancel))!;
        detail.Verdict!.Rule.ShouldBe(TripleGain.Grains.Cycle.CycleGrain.TradingHaltedRule);
        detail.Verdict.Reason.ShouldContain("pressed mid-cycle");
        detail.Orders.ShouldBeEmpty();
        (await fixture.Portfolio(account).SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBe(0m);
        (await fixture.Stage(account).ResumeAsync("bob", "test over")).Applied.ShouldBeTrue();
    }

    [Fact]
    public async Task GlobalStop_HaltsEveryAccountCancelsOrdersPersistsAndOnlyAPersonResumes()
    {
        const string model = "global";
        var account = AccountIds.Paper(model);
        var portfolio = fixture.Portfolio(account);
        var now = fixture.NextDecisionTime();
        await portfolio.SyncAsync(now);
        await portfolio.ExecuteAsync("global-rest", [new OrderRequest("t-global-rest", Pair.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.001m, 1000m)], now);
        try
        {
            var stop = await GlobalStop.StopAsync("alice", "exchange outage");
            var twice = await GlobalStop.StopAsync("bob", "again");
            var otherAccount = await fixture.Stage(AccountIds.Paper("paper-direct")).GetAsync();
            var promote = await fixture.Stage(account).PromoteAsync("alice", "now?", StageGates.Passing(PhaseGates.PaperToMicroLive, fixture.Now));
            fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
            var calls = fixture.Model(model).Calls;
            fixture.NextDecisionTime();
            var summary = await fixture.Cycle.RunOnceAsync();
            await fixture.DeactivateAsync(GlobalStop);
            var reloaded = await GlobalStop.GetAsync();
            var bySystem = await GlobalStop.ResumeAsync("system", "auto");

            stop.Applied.ShouldBeTrue();
            stop.OrdersCancelled.ShouldBeGreaterThanOrEqualTo(1);
            (await portfolio.OpenOrdersAsync()).ShouldBeEmpty();
            twice.Refusal!.Code.ShouldBe(RefusalCode.AlreadyStopped);
            otherAccount.Status.IsEmergencyStopped.ShouldBeFalse();
            otherAccount.IsEmergencyStopped.ShouldBeTrue();
            otherAccount.Rules.TradingAllowed.ShouldBeFalse();
            otherAccount.Rules.HaltReason!.ShouldContain("global emergency stop of every account: exchange outage");
            promote.Refusal!.Code.ShouldBe(RefusalCode.EmergencyStopped);
            summary.Errors.ShouldBeEmpty();
            summary.Halted!.Count.ShouldBe(StageClusterFixture.ModelIds.Count);
            summary.Decisions.ShouldBe(0);
            summary.OrdersPlaced.ShouldBe(0);
            fixture.Model(model).Calls.ShouldBe(calls);
            reloaded.Stop!.By.ShouldBe("alice");
            bySystem.Refusal!.Code.ShouldBe(RefusalCode.PersonRequired);

            var resume = await GlobalStop.ResumeAsync("carol", "exchange back");
            fixture.NextDecisionTime();
            var after = await fixture.Cycle.RunOnceAsync();

            resume.Applied.ShouldBeTrue();
            after.Halted!.ShouldNotContain(h => h.StartsWith($"{account}:", StringComparison.Ordinal));
            fixture.Model(model).Calls.ShouldBe(calls + 1);
            var journalled = await fixture.Journal.EmergencyStopsAsync(EmergencyStopKeys.Global, Cancel);
            journalled.Select(s => (s.State, s.ChangedBy, s.Reason)).ShouldBe(
                [(EmergencyStopState.Stopped, "alice", "exchange outage"), (EmergencyStopState.Resumed, "carol", "exchange back")]);
        }
        finally
        {
            if ((await GlobalStop.GetAsync()).IsStopped)
            {
                await GlobalStop.ResumeAsync("cleanup", "test ended");
            }
        }
    }

    [Fact]
    public async Task RunOnceAsync_LiveStage_EvaluatesRollbackRulesOncePerMarketDay()
    {
        const string model = "rollback-daily";
        var account = AccountIds.Paper(model);
        await fixture.PromoteToMicroLiveAsync(account);
        var first = fixture.NextDecisionTime();

        (await fixture.Cycle.RunOnceAsync()).Errors.ShouldBeEmpty();
        var checkedFirst = (await fixture.Stage(account).GetAsync()).LastRollbackCheck;
        fixture.NextDecisionTime();
        await fixture.Cycle.RunOnceAsync();
        var sameDay = (await fixture.Stage(account).GetAsync()).LastRollbackCheck;
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        var nextDay = fixture.NextDecisionTime();
        await fixture.Cycle.RunOnceAsync();
        var checkedNextDay = (await fixture.Stage(account).GetAsync()).LastRollbackCheck;

        checkedFirst!.At.ShouldBe(first);
        checkedFirst.Changed.ShouldBeFalse();
        sameDay!.At.ShouldBe(first);
        checkedNextDay!.At.ShouldBe(nextDay);
        (await fixture.Stage(AccountIds.Paper("paper-direct")).GetAsync()).LastRollbackCheck.ShouldBeNull();
    }
}
