using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>The stage grain on its own: start, promotion through the gate, stop and pause, rollback rules, persistence.</summary>
[Collection(StageClusterCollection.Name)]
public sealed class StageGrainTests(StageClusterFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GetAsync_NewAccount_StartsInPaperTradingWithPaperRulesAndJournalsTheStart()
    {
        var view = await fixture.Stage("paper:stage-new").GetAsync();

        view.Status.Position.ShouldBe(StagePosition.PaperTrading);
        view.Status.History.ShouldBeEmpty();
        view.Rules.TradingAllowed.ShouldBeTrue();
        view.Rules.AllowedPairs.ShouldBe(Pair.All);
        view.Rules.ApproveEveryTrade.ShouldBeFalse();
        view.Rules.ApprovalAboveUsd.ShouldBeNull();
        view.Rules.ApprovalExpiry.ShouldBe(StageClusterFixture.Config.Safety.ApprovalTimeout);
        view.NextGate.ShouldBe(PhaseGates.PaperToMicroLive);
        var journalled = (await fixture.Journal.StageTransitionsAsync("paper:stage-new", Cancel)).ShouldHaveSingleItem();
        journalled.FromStage.ShouldBeNull();
        journalled.ToStage.ShouldBe(StagePosition.PaperTrading.Label);
        journalled.Phase.ShouldBe(2);
        journalled.ChangedBy.ShouldBe(StageStatus.SystemActor);
    }

    [Fact]
    public async Task PromoteAsync_GateFails_RefusedWithTheBlockersAndNothingChanges()
    {
        var stage = fixture.Stage("paper:stage-fail");

        var result = await stage.PromoteAsync("alice", "try", StageGates.Failing(PhaseGates.PaperToMicroLive, fixture.Now));

        result.Applied.ShouldBeFalse();
        result.Refusal!.Code.ShouldBe(RefusalCode.GateNotPassed);
        result.Refusal.Reason.ShouldContain("paper-days 12 days >= 30 days: fail");
        result.Refusal.Reason.ShouldContain("sharpe 0.40 >= 1.00: fail");
        (await stage.GetAsync()).Status.Position.ShouldBe(StagePosition.PaperTrading);
        (await fixture.Journal.StageTransitionsAsync("paper:stage-fail", Cancel)).Count.ShouldBe(1); // the start only
    }

    [Fact]
    public async Task PromoteAsync_GatePasses_MicroLiveWeekOneWithItsLimitsAndJournalled()
    {
        var stage = fixture.Stage("paper:stage-promote");
        var at = fixture.Now;

        var result = await stage.PromoteAsync("alice", "30 days of paper trading passed", StageGates.Passing(PhaseGates.PaperToMicroLive, at));

        result.Applied.ShouldBeTrue();
        result.Transition!.Kind.ShouldBe(TransitionKind.Promote);
        result.Transition.By.ShouldBe("alice");
        var rules = result.View.Rules;
        rules.Position.ShouldBe(StagePosition.MicroLive100);
        rules.WeekOfPhase.ShouldBe(1);
        rules.ApproveEveryTrade.ShouldBeTrue();
        rules.AllowedPairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt]);
        rules.MaxSingleOrderUsd.ShouldBe(50m);
        rules.MaxTradesPerDay.ShouldBe(5);
        var row = (await fixture.Journal.StageTransitionsAsync("paper:stage-promote", Cancel)).Last();
        row.FromStage.ShouldBe(StagePosition.PaperTrading.Label);
        row.ToStage.ShouldBe(StagePosition.MicroLive100.Label);
        row.Phase.ShouldBe(3);
        row.ChangedBy.ShouldBe("alice");
        row.ChangedAt.ShouldBe(at);
        row.Reason.ShouldBe("Promote: 30 days of paper trading passed");
    }

    [Fact]
    public async Task PromoteAsync_GateRedefinedWithoutCriteria_RefusedAsNotTheSeedsGate()
    {
        var stage = fixture.Stage("paper:stage-forged");
        var empty = new PhaseGate(PhaseGates.PaperToMicroLive.Id, StagePosition.PaperTrading, StagePosition.MicroLive100, [], []);
        var forged = GateEvaluator.Evaluate(empty, GateInputs.None, []);
        forged.Passed.ShouldBeTrue();

        var result = await stage.PromoteAsync("alice", "forged", forged);

        result.Applied.ShouldBeFalse();
        result.Refusal!.Code.ShouldBe(RefusalCode.WrongGate);
        (await stage.GetAsync()).Status.Position.ShouldBe(StagePosition.PaperTrading);
    }

    [Fact]
    public async Task PromoteAsync_ResultMarkedPassBesideAFailingValue_ReevaluatedAndRefused()
    {
        var stage = fixture.Stage("paper:stage-tampered");
        var failing = StageGates.Failing(PhaseGates.PaperToMicroLive, fixture.Now);
        var tampered = failing with { Criteria = [.. failing.Criteria.Select(c => c with { Status = GateCheckStatus.Pass })] };
        tampered.Passed.ShouldBeTrue();

        var result = await stage.PromoteAsync("alice", "tampered", tampered);

        result.Refusal!.Code.ShouldBe(RefusalCode.GateNotPassed);
        result.Refusal.Reason.ShouldContain("paper-days 12 days >= 30 days: fail");
    }

    [Fact]
    public async Task PromoteAsync_BySystem_RefusedForWantOfAPerson()
    {
        var result = await fixture.Stage("paper:stage-system").PromoteAsync("system", "auto", StageGates.Passing(PhaseGates.PaperToMicroLive, fixture.Now));

        result.Refusal!.Code.ShouldBe(RefusalCode.PersonRequired);
    }

    [Fact]
    public async Task PromoteAsync_BlankReason_ThrowsNamingIt()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() =>
            fixture.Stage("paper:stage-blank").PromoteAsync("alice", " ", StageGates.Passing(PhaseGates.PaperToMicroLive, fixture.Now)));

        error.Message.ShouldContain("reason");
    }

    [Fact]
    public async Task Status_AfterDeactivation_IsReloadedFromStorage()
    {
        const string account = "paper:stage-persist";
        var promoted = await fixture.PromoteToMicroLiveAsync(account);
        await fixture.Stage(account).PauseAsync("alice", "holiday");

        await fixture.DeactivateAsync(fixture.Stage(account));
        var reloaded = await fixture.Stage(account).GetAsync();

        reloaded.Status.Position.ShouldBe(StagePosition.MicroLive100);
        reloaded.Status.PhaseStartedAt.ShouldBe(promoted.Status.PhaseStartedAt);
        reloaded.Status.Pause!.Reason.ShouldBe("holiday");
        reloaded.Status.History.Select(t => t.Kind).ShouldBe([TransitionKind.Promote, TransitionKind.Pause]);
        reloaded.Rules.TradingAllowed.ShouldBeFalse();
        (await fixture.Journal.StageTransitionsAsync(account, Cancel)).Count.ShouldBe(3); // start, promote, pause: not repeated on reload
    }

    [Fact]
    public async Task EmergencyStopAsync_OpenOrders_CancelledStopSurvivesDeactivationAndOnlyAPersonResumes()
    {
        const string account = "paper:stage-stop";
        var portfolio = fixture.Portfolio(account);
        var now = fixture.Now;
        await portfolio.SyncAsync(now);
        var resting = await portfolio.ExecuteAsync("stage-stop-1", [new OrderRequest("t-stage-stop-1", Pair.BtcUsdt, OrderSide.Buy, OrderType.Limit, 0.001m, 1000m)], now);
        resting.Results.ShouldHaveSingleItem().Error.ShouldBeNull();
        var stage = fixture.Stage(account);

        var stopped = await stage.EmergencyStopAsync("alice", "exchange incident");
        await fixture.DeactivateAsync(stage);
        var reloaded = await stage.GetAsync();
        var bySystem = await stage.ResumeAsync("system", "incident over");
        var byPerson = await stage.ResumeAsync("bob", "incident over");

        stopped.Applied.ShouldBeTrue();
        stopped.OrdersCancelled.ShouldBe(1);
        (await portfolio.OpenOrdersAsync()).ShouldBeEmpty();
        (await fixture.Journal.GetOrderAsync("t-stage-stop-1", Cancel))!.Status.ShouldBe(OrderRecordStatus.Cancelled);
        reloaded.Status.Stop!.By.ShouldBe("alice");
        reloaded.Rules.TradingAllowed.ShouldBeFalse();
        reloaded.Rules.HaltReason!.ShouldContain("exchange incident");
        bySystem.Applied.ShouldBeFalse();
        bySystem.Refusal!.Code.ShouldBe(RefusalCode.PersonRequired);
        byPerson.Applied.ShouldBeTrue();
        byPerson.View.Rules.TradingAllowed.ShouldBeTrue();
        var stops = await fixture.Journal.EmergencyStopsAsync(account, Cancel);
        stops.Select(s => (s.State, s.ChangedBy)).ShouldBe([(EmergencyStopState.Stopped, "alice"), (EmergencyStopState.Resumed, "bob")]);
        stops[0].Reason.ShouldBe("exchange incident");
    }

    [Fact]
    public async Task PauseAsync_BySystem_PausesAndOnlyAPersonResumesTrading()
    {
        const string account = "paper:stage-pause";
        var stage = fixture.Stage(account);

        var paused = await stage.PauseAsync("system", "maintenance window");
        var bySystem = await stage.ResumeTradingAsync("system", "done");
        var byPerson = await stage.ResumeTradingAsync("carol", "done");

        paused.Applied.ShouldBeTrue();
        paused.View.Rules.TradingAllowed.ShouldBeFalse();
        bySystem.Refusal!.Code.ShouldBe(RefusalCode.PersonRequired);
        byPerson.Applied.ShouldBeTrue();
        byPerson.View.Rules.TradingAllowed.ShouldBeTrue();
        var rows = await fixture.Journal.StageTransitionsAsync(account, Cancel);
        rows.Skip(1).Select(r => (r.Reason, r.ChangedBy)).ShouldBe([("Pause: maintenance window", "system"), ("Resume: done", "carol")]);
    }

    [Fact]
    public async Task EvaluateRollbacksAsync_TenPercentDrawdownAtHundred_PausesBySystemWithTheReason()
    {
        const string account = "paper:stage-drawdown";
        var promoted = await fixture.PromoteToMicroLiveAsync(account);
        var from = promoted.Status.MeasuredFrom;
        var now = from.AddHours(3);
        EquityPoint[] curve = [new(from, 100m), new(from.AddHours(1), 110m), new(from.AddHours(2), 99m)];

        var check = await fixture.Stage(account).EvaluateRollbacksAsync(curve, now);
        var again = await fixture.Stage(account).EvaluateRollbacksAsync(curve, now);

        check.MaxDrawdown.ShouldBe(0.1m);
        check.PeakEquity.ShouldBe(110m);
        check.Fired.ShouldHaveSingleItem().Kind.ShouldBe(TransitionKind.Pause);
        again.Changed.ShouldBeFalse();
        var view = await fixture.Stage(account).GetAsync();
        view.Status.Pause!.By.ShouldBe(StageStatus.SystemActor);
        view.LastRollbackCheck!.At.ShouldBe(now);
        view.LastRollbackCheck.MaxDrawdown.ShouldBe(0.1m);
        var row = (await fixture.Journal.StageTransitionsAsync(account, Cancel)).Last();
        row.ChangedBy.ShouldBe(StageStatus.SystemActor);
        row.Reason.ShouldContain("drawdown 10.00% from the peak $110.00");
    }

    [Fact]
    public async Task EvaluateRollbacksAsync_DrawdownAtTwoHundred_RollsBackToMicroLiveWeekOne()
    {
        const string account = "paper:stage-rollback";
        await fixture.PromoteToMicroLiveAsync(account);
        var stage = fixture.Stage(account);
        var scaled = await stage.PromoteAsync("alice", "four clean weeks", StageGates.Passing(PhaseGates.MicroLiveToScale, fixture.Now));
        scaled.View.Status.Position.ShouldBe(StagePosition.Scale200);
        var from = scaled.View.Status.MeasuredFrom;
        EquityPoint[] curve = [new(from, 200m), new(from.AddHours(1), 170m)];

        var check = await stage.EvaluateRollbacksAsync(curve, from.AddHours(2));

        check.Fired.ShouldHaveSingleItem().Kind.ShouldBe(TransitionKind.Rollback);
        var view = await stage.GetAsync();
        view.Status.Position.ShouldBe(StagePosition.MicroLive100);
        view.Rules.ApproveEveryTrade.ShouldBeTrue();
        var row = (await fixture.Journal.StageTransitionsAsync(account, Cancel)).Last();
        (row.FromStage, row.ToStage, row.Phase).ShouldBe((StagePosition.Scale200.Label, StagePosition.MicroLive100.Label, 3));
    }

    [Fact]
    public async Task EvaluateRollbacksAsync_PaperStage_ChangesNothing()
    {
        var now = fixture.Now;

        var check = await fixture.Stage("paper:stage-paper-rollback").EvaluateRollbacksAsync([new(now.AddHours(-2), 1000m), new(now, 500m)], now);

        check.Changed.ShouldBeFalse();
        (await fixture.Stage("paper:stage-paper-rollback").GetAsync()).Status.IsPaused.ShouldBeFalse();
    }
}
