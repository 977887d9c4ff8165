using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Market;
using TripleGain.Grains.Models;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Trading;

[Collection(TradingClusterCollection.Name)]
public sealed class CycleGrainTests(TradingClusterFixture fixture)
{
    private ICycleGrain Cycle => fixture.Cluster.GrainFactory.GetGrain<ICycleGrain>(CycleKeys.Paper);

    /// <summary>Moves the market clock forward to 30 s after the next five-minute boundary (a decision time).</summary>
    private DateTime NextDecisionTime()
    {
        var now = fixture.Clock.GetUtcNow();
        var five = TimeSpan.FromMinutes(5).Ticks;
        var next = new DateTimeOffset((now.Ticks / five + 1) * five, TimeSpan.Zero).AddSeconds(30);
        fixture.Clock.SetUtcNow(next);
        return next.UtcDateTime;
    }

    private async Task<IReadOnlyList<DecisionRecord>> DecisionsOfAsync(string cycleId) =>
        (await fixture.Journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(1000), TestContext.Current.CancellationToken))
        .Items.Where(d => d.CycleId == cycleId).ToList();

    [Fact]
    public async Task RunOnceAsync_DecisionTime_JournalsEveryModelOnEveryPair()
    {
        NextDecisionTime();

        var summary = await Cycle.RunOnceAsync();

        summary.Skipped.ShouldBeNull();
        summary.DecisionCycle.ShouldBeTrue();
        summary.Errors.ShouldBeEmpty();
        var decisions = await DecisionsOfAsync(summary.CycleId);
        foreach (var model in new[] { "baseline", "buy-and-hold", "slow", "broken" })
        {
            decisions.Where(d => d.ModelId == model).Select(d => d.Pair).OrderBy(p => p.Symbol)
                .ShouldBe(Pair.All.OrderBy(p => p.Symbol), $"model {model}");
        }

        decisions.Where(d => d.ModelId is "baseline" or "buy-and-hold").ShouldAllBe(d => d.ParseStatus == ParseStatus.Ok);
        decisions.Where(d => d.ModelId == "slow").ShouldAllBe(d => d.ParseStatus == ParseStatus.Failed && d.ParseError!.Contains("no answer within"));
        decisions.Where(d => d.ModelId == "broken").ShouldAllBe(d => d.ParseStatus == ParseStatus.Failed && d.ParseError!.Contains("provider exploded"));
        decisions.Where(d => d.ModelId is "slow" or "broken").ShouldAllBe(d => d.Action == TradeAction.Hold);
    }

    [Fact]
    public async Task RunOnceAsync_SameCycleTwice_RunsItOnce()
    {
        NextDecisionTime();
        var first = await Cycle.RunOnceAsync();
        var before = (await Cycle.GetStatusAsync()).State.CyclesRun;

        var second = await Cycle.RunOnceAsync();

        second.CycleId.ShouldBe(first.CycleId);
        second.Skipped.ShouldBe("already completed");
        (await Cycle.GetStatusAsync()).State.CyclesRun.ShouldBe(before);
        first.Decisions.ShouldBe(12);
        (await DecisionsOfAsync(first.CycleId)).Count.ShouldBe(12);
    }

    [Fact]
    public async Task RunOnceAsync_ConcurrentCalls_ShareOneCycle()
    {
        NextDecisionTime();
        var before = (await Cycle.GetStatusAsync()).State.CyclesRun;

        var results = await Task.WhenAll(Cycle.RunOnceAsync(), Cycle.RunOnceAsync(), Cycle.RunOnceAsync());

        results.Select(r => r.CycleId).Distinct().Count().ShouldBe(1);
        (await Cycle.GetStatusAsync()).State.CyclesRun.ShouldBe(before + 1);
    }

    [Fact]
    public async Task RunOnceAsync_AfterMissedTicks_CatchesUpOnce()
    {
        NextDecisionTime();
        await Cycle.RunOnceAsync();
        var before = (await Cycle.GetStatusAsync()).State;
        fixture.Clock.Advance(TimeSpan.FromMinutes(17));

        var summary = await Cycle.RunOnceAsync();
        var after = (await Cycle.GetStatusAsync()).State;

        after.CyclesRun.ShouldBe(before.CyclesRun + 1);
        (after.CompletedCycle - before.CompletedCycle).ShouldBe(17);
        summary.Skipped.ShouldBeNull();
    }

    [Fact]
    public async Task RunOnceAsync_CatchUpPastADecisionTime_DecidesOnceThenWaitsForTheNextBoundary()
    {
        NextDecisionTime();
        (await Cycle.RunOnceAsync()).DecisionCycle.ShouldBeTrue();

        // Six minutes on: the next boundary's minute was never run (a busy silo); this cycle decides in its place.
        fixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var late = await Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(1));
        var after = await Cycle.RunOnceAsync();

        late.DecisionCycle.ShouldBeTrue();
        late.Skipped.ShouldBeNull();
        (await DecisionsOfAsync(late.CycleId)).Count.ShouldBe(12);
        after.DecisionCycle.ShouldBeFalse();
        (await DecisionsOfAsync(after.CycleId)).ShouldBeEmpty();
        (await Cycle.GetStatusAsync()).State.LastDecisionAt.ShouldBe(late.MarketTime);
    }

    [Fact]
    public async Task RunOnceAsync_BuyAndHold_BuysAndItsPaperAccountMoves()
    {
        NextDecisionTime();
        await Cycle.RunOnceAsync();
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        await Cycle.RunOnceAsync();

        var portfolio = fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>(AccountIds.Paper("buy-and-hold"));
        var snapshot = await portfolio.SnapshotAsync(fixture.Clock.GetUtcNow().UtcDateTime);

        snapshot.Balance(Asset.BTC).ShouldBeGreaterThan(0m);
        snapshot.Balance(Asset.USDT).ShouldBeLessThan(1000m);
        snapshot.TradesToday.ShouldBeGreaterThan(0);
        var equity = await fixture.Journal.EquityCurveAsync(AccountIds.Paper("buy-and-hold"), cancellationToken: TestContext.Current.CancellationToken);
        equity.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ModelGrain_SlowAndBrokenModels_CountTimeoutsAndErrorsWithoutBlocking()
    {
        NextDecisionTime();
        await Cycle.RunOnceAsync();

        var slow = await fixture.Cluster.GrainFactory.GetGrain<IModelGrain>("slow").GetStatsAsync();
        var broken = await fixture.Cluster.GrainFactory.GetGrain<IModelGrain>("broken").GetStatsAsync();
        var baseline = await fixture.Cluster.GrainFactory.GetGrain<IModelGrain>("baseline").GetStatsAsync();

        slow.Timeouts.ShouldBeGreaterThan(0);
        slow.LastError!.ShouldContain("no answer within 1 s");
        broken.Errors.ShouldBeGreaterThan(0);
        broken.LastError!.ShouldContain("provider exploded");
        baseline.ParseSuccessRate.ShouldBe(1.0);
        baseline.LatencyP50Ms.ShouldNotBeNull();
        baseline.Calls.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ModelGrain_UnknownModel_HoldsWithReason()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IModelGrain>("no-such-model");
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var market = new MarketSnapshot(now, []);
        var context = new DecisionContext(now, market, await fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>("paper:probe").SnapshotAsync(now), TradingConstraints.Default, []);

        var run = await grain.DecideAsync(context, TimeSpan.FromSeconds(1));

        run.Failed.ShouldBeTrue();
        run.Trace!.ParseError.ShouldBe("model 'no-such-model' is not configured");
        (await grain.GetStatsAsync()).Available.ShouldBeFalse();
    }

    [Fact]
    public async Task ModelGrain_ModelCouldNotDecide_FailedRunCountedAsAnErrorNotAParseFailure()
    {
        var grain = fixture.Cluster.GrainFactory.GetGrain<IModelGrain>("provider-down");
        var now = fixture.Clock.GetUtcNow().UtcDateTime;
        var context = new DecisionContext(now, new MarketSnapshot(now, []), await fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>("paper:probe").SnapshotAsync(now), TradingConstraints.Default, []);

        var run = await grain.DecideAsync(context, TimeSpan.FromSeconds(1));

        run.Failed.ShouldBeTrue();
        run.Error.ShouldBe(ProviderDownModel.Reason);
        run.Trace.ShouldNotBeNull().Parsed.ShouldBeFalse();
        run.Trace.ParseError.ShouldBe(ProviderDownModel.Reason);
        var stats = await grain.GetStatsAsync();
        stats.Errors.ShouldBe(1);
        stats.ParseSuccessRate.ShouldBeNull();
        stats.LastError.ShouldBe(ProviderDownModel.Reason);
    }

    [Fact]
    public async Task PortfolioGrain_SameCycleIdTwice_ExecutesOnce()
    {
        var now = NextDecisionTime();
        var portfolio = fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>("paper:idempotency");
        await portfolio.SyncAsync(now);
        var order = new OrderRequest("t-idem-1", Pair.XrpUsdt, OrderSide.Sell, OrderType.Market, 10m);

        var first = await portfolio.ExecuteAsync("test-1", [order], now);
        var second = await portfolio.ExecuteAsync("test-1", [order], now);

        first.AlreadyExecuted.ShouldBeFalse();
        first.Results.ShouldHaveSingleItem().IsAccepted.ShouldBeTrue();
        second.AlreadyExecuted.ShouldBeTrue();
        second.Results.ShouldBeEmpty();
        (await portfolio.OpenOrdersAsync()).Count.ShouldBe(1);
        (await fixture.Journal.GetOrderAsync("t-idem-1", TestContext.Current.CancellationToken))!.Status.ShouldBe(OrderRecordStatus.Open);
    }

    [Fact]
    public async Task PortfolioGrain_OrderItCannotPay_IsRejectedAndChangesNothing()
    {
        var now = NextDecisionTime();
        var portfolio = fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>("paper:rejections");
        var before = await portfolio.SyncAsync(now);

        var report = await portfolio.ExecuteAsync("test-2", [new OrderRequest("t-rej-1", Pair.BtcUsdt, OrderSide.Buy, OrderType.Market, 5m)], now);

        report.Results.ShouldHaveSingleItem().Error!.Code.ShouldBe(KrakenErrors.InsufficientFunds);
        report.Snapshot.Balances.ShouldBe(before.Balances);
        (await fixture.Journal.GetOrderAsync("t-rej-1", TestContext.Current.CancellationToken))!.Status.ShouldBe(OrderRecordStatus.Rejected);
    }

    [Fact]
    public async Task TradingPairGrain_AfterWarmUp_HasHourlyIndicators()
    {
        var now = NextDecisionTime();

        var indicators = await fixture.Cluster.GrainFactory.GetGrain<ITradingPairGrain>("BTC/USDT").RefreshAsync(now);

        indicators.ShouldNotBeNull();
        indicators.Pair.ShouldBe(Pair.BtcUsdt);
        var hourly = indicators.Timeframes.Single(t => t.Timeframe == Timeframe.H1).Values;
        hourly.EmaSlow.ShouldNotBeNull();
        hourly.Rsi.ShouldNotBeNull();
        indicators.Timestamp.ShouldBe(Timeframe.M1.Floor(now).AddMinutes(-1));
        (await fixture.Cluster.GrainFactory.GetGrain<ITradingPairGrain>("BTC/USDT").RecentCandlesAsync(Timeframe.H1, 24)).Count.ShouldBe(24);
    }

    [Fact]
    public async Task PortfolioGrain_BuyThenSell_ReportsOneRoundTripAndPerformance()
    {
        var now = NextDecisionTime();
        var portfolio = fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>("paper:roundtrip");
        await portfolio.SyncAsync(now);
        await portfolio.ExecuteAsync("rt-1", [new OrderRequest("t-rt-buy", Pair.XrpUsdt, OrderSide.Buy, OrderType.Market, 100m)], now);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        now = fixture.Clock.GetUtcNow().UtcDateTime;
        await portfolio.SyncAsync(now);
        await portfolio.ExecuteAsync("rt-2", [new OrderRequest("t-rt-sell", Pair.XrpUsdt, OrderSide.Sell, OrderType.Market, 100m)], now);
        fixture.Clock.Advance(TimeSpan.FromMinutes(2));
        now = fixture.Clock.GetUtcNow().UtcDateTime;

        var performance = await portfolio.PerformanceAsync(now);
        var trades = await portfolio.ClosedTradesAsync();

        var trade = trades.ShouldHaveSingleItem();
        trade.Pair.ShouldBe(Pair.XrpUsdt);
        trade.Volume.ShouldBe(100m);
        trade.FeesUsd.ShouldBeGreaterThan(0m);
        performance.ShouldNotBeNull();
        performance.TradeCount.ShouldBe(1);
        (await fixture.Journal.FillsAsync("t-rt-sell", TestContext.Current.CancellationToken)).ShouldHaveSingleItem().Volume.ShouldBe(100m);
    }

    [Fact]
    public async Task RunOnceAsync_OrdersOfADecision_PointAtItInTheJournal()
    {
        NextDecisionTime();
        await Cycle.RunOnceAsync();

        var decisions = (await fixture.Journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(1000), TestContext.Current.CancellationToken)).Items;
        var withOrders = new List<DecisionDetail>();
        foreach (var decision in decisions.Where(d => d.Action is TradeAction.Buy or TradeAction.Sell))
        {
            var detail = await fixture.Journal.GetDecisionAsync(decision.Id, TestContext.Current.CancellationToken);
            if (detail!.Orders.Count > 0)
            {
                withOrders.Add(detail);
            }
        }

        withOrders.ShouldNotBeEmpty("buy-and-hold's first buys are orders of its decisions");
        withOrders.ShouldAllBe(d => d.Orders.All(o => o.DecisionId == d.Decision.Id && o.ClientOrderId.Contains(d.Decision.ModelId)));
    }

    [Fact]
    public async Task Activation_CycleLeftRunningByADeadSilo_IsMarkedInterrupted()
    {
        const string key = "interrupt-test";
        var started = fixture.Clock.GetUtcNow().UtcDateTime.AddHours(-1);
        (await fixture.Journal.BeginCycleAsync($"{key}-1", key, started, TestContext.Current.CancellationToken)).ShouldBeTrue();

        await fixture.Cluster.GrainFactory.GetGrain<ICycleGrain>(key).GetStatusAsync();

        var cycle = await fixture.Journal.GetCycleAsync($"{key}-1", TestContext.Current.CancellationToken);
        cycle!.Status.ShouldBe(TripleGain.Journal.CycleStatus.Failed);
        cycle.Error.ShouldBe("interrupted: the silo running it stopped");
    }
}
