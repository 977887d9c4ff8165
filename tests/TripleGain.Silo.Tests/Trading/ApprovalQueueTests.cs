using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>Micro-live accounts in the cycle: trades wait for a person, who approves (once), rejects, or is too late.</summary>
[Collection(StageClusterCollection.Name)]
public sealed class ApprovalQueueTests(StageClusterFixture fixture)
{
    private CancellationToken Cancel => TestContext.Current.CancellationToken;

    private IApprovalQueueGrain Queue(string account) => fixture.Cluster.GrainFactory.GetGrain<IApprovalQueueGrain>(account);

    /// <summary>Promotes the model's account to micro-live week 1, lets the model buy $40 of BTC and returns the queued item.</summary>
    private async Task<(ApprovalItem Item, CycleSummary Summary)> QueueOneAsync(string model)
    {
        var account = AccountIds.Paper(model);
        await fixture.PromoteToMicroLiveAsync(account);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        fixture.NextDecisionTime();
        var summary = await fixture.Cycle.RunOnceAsync();
        summary.Errors.ShouldBeEmpty();
        return ((await Queue(account).ListAsync()).Pending.ShouldHaveSingleItem(), summary);
    }

    [Fact]
    public async Task RunOnceAsync_MicroLiveWeekOne_QueuesTheTradeInsteadOfPlacingIt()
    {
        const string model = "queued";
        var account = AccountIds.Paper(model);

        var (item, summary) = await QueueOneAsync(model);

        summary.OrdersQueued.ShouldBeGreaterThanOrEqualTo(1);
        item.Pair.ShouldBe(Pair.BtcUsdt);
        item.Side.ShouldBe(Core.Exchange.OrderSide.Buy);
        item.NotionalUsd.ShouldBeInRange(39m, 40m);
        item.PriceThen.ShouldBeGreaterThan(0m);
        item.RequestedAt.ShouldBe(fixture.Now);
        item.ExpiresAt.ShouldBe(fixture.Now.AddMinutes(30));
        item.Rule.ShouldContain("every trade needs approval");
        item.Decision.Reasoning.ShouldBe("scripted buy of $40");
        item.DecisionId.ShouldNotBeNull();
        fixture.Model(model).LastContext!.Constraints.MaxSingleOrderUsd.ShouldBe(50m);
        fixture.Model(model).LastContext!.Constraints.AllowedPairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt]);
        var pending = (await fixture.Journal.PendingApprovalsAsync(account, Cancel)).ShouldHaveSingleItem();
        (pending.Id, pending.ClientOrderId, pending.DecisionId, pending.ExpiresAt).ShouldBe((item.Id, item.ClientOrderId, item.DecisionId, item.ExpiresAt));
        (await fixture.Journal.GetDecisionAsync(item.DecisionId!.Value, Cancel))!.Decision.ModelId.ShouldBe(model);
        (await fixture.Journal.GetOrderAsync(item.ClientOrderId, Cancel)).ShouldBeNull();
        (await fixture.Portfolio(account).OpenOrdersAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task ApproveAsync_Twice_PlacesOnceAndTheFillArrivesWithTheNextSync()
    {
        const string model = "approve-once";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        var queue = Queue(account);

        var approved = await queue.ApproveAsync(item.Id, "dave", "looks right");
        var again = await queue.ApproveAsync(item.Id, "erin", "me too");
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        approved.Outcome.ShouldBe(ApprovalOutcome.Placed, approved.Message);
        approved.Order!.IsAccepted.ShouldBeTrue();
        approved.Item!.Status.ShouldBe(ApprovalItemStatus.Approved);
        approved.Item.Executed.ShouldBeTrue();
        again.Outcome.ShouldBe(ApprovalOutcome.AlreadyDecided);
        again.Message.ShouldContain("already decided: approved by dave");
        var journalled = (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!;
        (journalled.Status, journalled.DecidedBy, journalled.Comment).ShouldBe((ApprovalStatus.Approved, "dave", "looks right"));
        (await fixture.Journal.GetOrderAsync(item.ClientOrderId, Cancel))!.Status.ShouldBe(OrderRecordStatus.Filled);
        (await fixture.Journal.FillsAsync(item.ClientOrderId, Cancel)).ShouldHaveSingleItem().Volume.ShouldBe(item.Volume);
        (await fixture.Portfolio(account).SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBe(item.Volume);
        (await queue.ListAsync()).Recent.ShouldContain(i => i.Id == item.Id && i.DecidedBy == "dave");
    }

    [Fact]
    public async Task RunOnceAsync_ApprovedTradeStillWaitingForItsFill_TheNextBuyIsRejectedEntryPendingNotQueuedAgain()
    {
        const string model = "approve-pending";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        var queue = Queue(account);

        // Approved 20 s into a decision minute: the order fills on the next minute's candle, so the decision cycle of
        // this minute finds it still open when the model asks to buy again.
        fixture.NextDecisionTime(seconds: 10);
        var approved = await queue.ApproveAsync(item.Id, "dave", "go");
        fixture.Clock.Advance(TimeSpan.FromSeconds(20));
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 40m));
        var summary = await fixture.Cycle.RunOnceAsync();

        approved.Outcome.ShouldBe(ApprovalOutcome.Placed, approved.Message);
        summary.Errors.ShouldBeEmpty();
        (await queue.ListAsync()).Pending.ShouldBeEmpty();
        var buy = (await fixture.Journal.QueryDecisionsAsync(DecisionFilter.All with { AccountId = account }, DecisionPageRequest.Newest(100), Cancel))
            .Items.Where(d => d.CycleId == summary.CycleId && d.Pair == Pair.BtcUsdt).ShouldHaveSingleItem();
        var detail = (await fixture.Journal.GetDecisionAsync(buy.Id, Cancel))!;
        detail.Verdict!.Outcome.ShouldBe(RiskOutcome.Rejected);
        detail.Verdict.Rule.ShouldBe(RiskRules.EntryPending);
        detail.Verdict.Reason.ShouldContain("still waiting for its fill");
        detail.Orders.ShouldBeEmpty();

        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        (await fixture.Cycle.RunOnceAsync()).Errors.ShouldBeEmpty();
        (await fixture.Journal.GetOrderAsync(item.ClientOrderId, Cancel))!.Status.ShouldBe(OrderRecordStatus.Filled);
        var filled = (await fixture.Journal.FillsAsync(item.ClientOrderId, Cancel)).Sum(f => f.Volume);
        (await fixture.Portfolio(account).SnapshotAsync(fixture.Now)).Balance(Asset.BTC).ShouldBe(filled, "only the approved BUY was sent");
    }

    [Fact]
    public async Task ApproveAsync_WhilePaused_RefusedAsHaltedAndTheSameTradeQueuedAgainIsTheSameItem()
    {
        const string model = "approve-halted";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        await fixture.Stage(account).PauseAsync("alice", "reviewing the model");

        var halted = await Queue(account).ApproveAsync(item.Id, "dave", "go");
        var requeued = await Queue(account).EnqueueAsync(new TradeForApproval(
            item.CycleId, item.Order, item.DecisionId, item.NotionalUsd, item.PriceThen, item.QuoteUsdThen, item.RequestedAt, item.ExpiresAt, item.Rule));
        await fixture.Stage(account).ResumeTradingAsync("alice", "model reviewed");
        var approved = await Queue(account).ApproveAsync(item.Id, "dave", "go");

        halted.Outcome.ShouldBe(ApprovalOutcome.TradingHalted);
        halted.Message.ShouldContain("reviewing the model");
        requeued.Id.ShouldBe(item.Id);
        (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!.Status.ShouldNotBe(ApprovalStatus.Expired);
        approved.Outcome.ShouldBe(ApprovalOutcome.Placed, approved.Message);
        (await Queue(account).ListAsync()).Pending.ShouldBeEmpty();
    }

    [Fact]
    public async Task ApproveAsync_AfterExpiry_RefusedAndJournalledExpired()
    {
        const string model = "approve-expired";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        fixture.Clock.Advance(TimeSpan.FromMinutes(31));

        var result = await Queue(account).ApproveAsync(item.Id, "dave", "sorry, late");

        result.Outcome.ShouldBe(ApprovalOutcome.Expired);
        result.Item!.Status.ShouldBe(ApprovalItemStatus.Expired);
        (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!.Status.ShouldBe(ApprovalStatus.Expired);
        (await fixture.Journal.GetOrderAsync(item.ClientOrderId, Cancel)).ShouldBeNull();
        (await Queue(account).ApproveAsync(item.Id, "dave", "again")).Outcome.ShouldBe(ApprovalOutcome.AlreadyDecided);
    }

    [Fact]
    public async Task ApproveAsync_PriceFellBelowTheStop_RefusedWithTheRuleAndStaysPending()
    {
        const string model = "approve-moved";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        var belowStop = decimal.Round(item.Decision.StopLoss!.Value * 0.99m, 1);

        var refused = await Queue(account).ApproveAsync(item.Id, "dave", "go", belowStop);
        var stillPending = (await Queue(account).ListAsync()).Pending.ShouldHaveSingleItem();
        var atThePriceThen = await Queue(account).ApproveAsync(item.Id, "dave", "go", item.PriceThen);

        refused.Outcome.ShouldBe(ApprovalOutcome.RiskRefused);
        refused.Rule.ShouldBe(RiskRules.StopLossSide);
        refused.Message.ShouldContain(RiskRules.StopLossSide);
        refused.Verdict!.Outcome.ShouldBe(RiskOutcome.Rejected);
        stillPending.Id.ShouldBe(item.Id);
        stillPending.LastRefusal!.ShouldContain(RiskRules.StopLossSide);
        atThePriceThen.Outcome.ShouldBe(ApprovalOutcome.Placed, atThePriceThen.Message);
    }

    [Fact]
    public async Task RejectAsync_ByAPerson_JournalledAndNothingPlacedWhileSystemMayNeitherApproveNorReject()
    {
        const string model = "reject";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);

        var approveBySystem = await Queue(account).ApproveAsync(item.Id, "system", null);
        var bySystem = await Queue(account).RejectAsync(item.Id, "system", "auto");
        var stillPending = (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!.Status;
        var rejected = await Queue(account).RejectAsync(item.Id, "frank", "model is overconfident");
        var approveAfter = await Queue(account).ApproveAsync(item.Id, "dave", "changed my mind");

        approveBySystem.Outcome.ShouldBe(ApprovalOutcome.PersonRequired);
        bySystem.Outcome.ShouldBe(ApprovalOutcome.PersonRequired);
        stillPending.ShouldBe(ApprovalStatus.Pending);
        rejected.Outcome.ShouldBe(ApprovalOutcome.Rejected);
        approveAfter.Outcome.ShouldBe(ApprovalOutcome.AlreadyDecided);
        var journalled = (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!;
        (journalled.Status, journalled.DecidedBy, journalled.Comment, journalled.DecidedAt).ShouldBe(
            (ApprovalStatus.Rejected, "frank", "model is overconfident", fixture.Now));
        (await fixture.Journal.GetOrderAsync(item.ClientOrderId, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task ApproveAsync_UnknownId_NotFound()
    {
        var result = await Queue(AccountIds.Paper("reject")).ApproveAsync(987654, "dave", null);

        result.Outcome.ShouldBe(ApprovalOutcome.NotFound);
    }

    [Fact]
    public async Task RunOnceAsync_ApprovalPastItsExpiry_ExpiredByTheCycle()
    {
        const string model = "cycle-expires";
        var account = AccountIds.Paper(model);
        var (item, _) = await QueueOneAsync(model);
        fixture.Clock.Advance(TimeSpan.FromMinutes(30));

        (await fixture.Cycle.RunOnceAsync()).Errors.ShouldBeEmpty();

        (await fixture.Journal.GetApprovalAsync(item.Id, Cancel))!.Status.ShouldBe(ApprovalStatus.Expired);
        var view = await Queue(account).ListAsync();
        view.Pending.ShouldBeEmpty();
        view.Recent.ShouldContain(i => i.Id == item.Id && i.Status == ApprovalItemStatus.Expired);
    }

    [Fact]
    public async Task RunOnceAsync_MicroLiveWeekTwo_QueuesOnlyTradesOverTwentyFiveDollars()
    {
        const string model = "week-two";
        var account = AccountIds.Paper(model);
        await fixture.PromoteToMicroLiveAsync(account);
        fixture.Clock.Advance(TimeSpan.FromDays(7));
        fixture.NextDecisionTime();
        var rules = (await fixture.Stage(account).GetAsync()).Rules;
        rules.WeekOfPhase.ShouldBe(2);
        rules.ApprovalAboveUsd.ShouldBe(25m);
        fixture.Model(model).BuyOnce((Pair.BtcUsdt, 30m), (Pair.XrpUsdt, 20m));

        var summary = await fixture.Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await fixture.Cycle.RunOnceAsync();

        summary.Errors.ShouldBeEmpty();
        var queued = (await Queue(account).ListAsync()).Pending.ShouldHaveSingleItem();
        queued.Pair.ShouldBe(Pair.BtcUsdt);
        queued.NotionalUsd.ShouldBeGreaterThan(25m);
        queued.Rule.ShouldContain("trades over $25 need approval");
        var snapshot = await fixture.Portfolio(account).SnapshotAsync(fixture.Now);
        snapshot.Balance(Asset.XRP).ShouldBeGreaterThan(0m);
        snapshot.Balance(Asset.BTC).ShouldBe(0m);
    }
}
