using TripleGain.Core.Agents;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Agents.RiskFixtures;

namespace TripleGain.Core.Tests.Cycles;

public class CyclePlannerTests
{
    private static CyclePlan Plan(
        IReadOnlyList<TradeDecision> decisions,
        PortfolioSnapshot? portfolio = null,
        TradingConstraints? constraints = null,
        PriceBook? prices = null,
        ConsensusMode mode = ConsensusMode.SingleModel,
        IReadOnlySet<Pair>? pendingEntries = null) =>
        CyclePlanner.Plan(new CyclePlanInput("7", Now, portfolio ?? Account(), decisions, constraints ?? Loose, prices ?? Prices(), PairCatalog.Kraken, mode, PendingEntries: pendingEntries));

    [Fact]
    public void Plan_ApprovedBuy_OneMarketEntryWithStopAndTakeProfit()
    {
        var buy = Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 10m, stop: 49_000m, takeProfit: 53_000m);

        var plan = Plan([buy, TradeDecision.Hold("baseline", Pair.XrpUsdt, Now, "flat")]);

        plan.Verdicts.Count.ShouldBe(2);
        plan.Verdicts[0].Outcome.ShouldBe(RiskOutcome.Approved);
        plan.Requests.ShouldBe(
        [
            new OrderRequest("c7-baseline-BTC-USDT-buy", Pair.BtcUsdt, OrderSide.Buy, OrderType.Market, 0.02m, null, 1m, false,
                "baseline BUY BTC/USDT (confidence 0.80)", StopLoss: 49_000m, TakeProfit: 53_000m),
        ]);
        plan.Orders.ShouldHaveSingleItem().Intent.ShouldBe(TradeIntent.Open);
        plan.Dropped.ShouldBeEmpty();
        plan.CycleId.ShouldBe("7");
        plan.Timestamp.ShouldBe(Now);
    }

    [Fact]
    public void Plan_OnlyHolds_NoOrdersAndNothingDropped()
    {
        var plan = Plan([TradeDecision.Hold("baseline", Pair.BtcUsdt, Now, "flat"), TradeDecision.Hold("baseline", Pair.XrpBtc, Now, "flat")]);

        plan.Requests.ShouldBeEmpty();
        plan.Dropped.ShouldBeEmpty();
        plan.Verdicts.Select(v => v.Outcome).ShouldBe([RiskOutcome.Approved, RiskOutcome.Approved]);
    }

    [Fact]
    public void Plan_RejectedDecision_DroppedWithTheRiskRule()
    {
        var plan = Plan([Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.3)]);

        plan.Requests.ShouldBeEmpty();
        plan.Verdicts.ShouldHaveSingleItem().Rule.ShouldBe(RiskRules.ConfidenceThreshold);
        plan.Dropped.ShouldHaveSingleItem().Rule.ShouldBe(RiskRules.ConfidenceThreshold);
    }

    [Fact]
    public void Plan_CrossPairWithoutBtcUsdtPrice_DroppedNoPriceOthersPlanned()
    {
        var prices = new PriceBook(new Dictionary<Pair, decimal> { [Pair.XrpUsdt] = 0.5m, [Pair.XrpBtc] = 0.00001m });
        var cross = Decision(TradeAction.Buy, Pair.XrpBtc, stop: 0.0000095m);
        var xrp = Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 5m, stop: 0.49m);

        var plan = Plan([cross, xrp, TradeDecision.Hold("baseline", Pair.BtcUsdt, Now, "no price, holding")], prices: prices);

        var dropped = plan.Dropped.ShouldHaveSingleItem();
        dropped.Rule.ShouldBe(CyclePlanner.NoPriceRule);
        dropped.Decision.ShouldBe(cross);
        dropped.Reason.ShouldContain("XRP/BTC has no price (or no BTC/USDT price to value it)");
        plan.Verdicts.ShouldHaveSingleItem().Decision.ShouldBe(xrp);
        plan.Requests.ShouldHaveSingleItem().Pair.ShouldBe(Pair.XrpUsdt);
    }

    [Fact]
    public void Plan_TwoBuysWithOneTradeLeftToday_SecondRejectedForTheCycle()
    {
        var constraints = Loose with { MaxTradesPerDay = 3 };
        var portfolio = Account(tradesToday: 2);

        var plan = Plan([Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m), Decision(TradeAction.Buy, Pair.XrpUsdt, stop: 0.49m)], portfolio, constraints);

        plan.Verdicts[0].IsApproved.ShouldBeTrue();
        plan.Verdicts[1].Rule.ShouldBe(RiskRules.MaxTradesPerDay);
        plan.Requests.ShouldHaveSingleItem().Pair.ShouldBe(Pair.BtcUsdt);
    }

    [Fact]
    public void Plan_BuyWhileAnEntryInThePairWaitsForItsFill_RejectedEntryPendingWithoutUsingTheDaysLastTrade()
    {
        var constraints = Loose with { MaxTradesPerDay = 3 };
        var portfolio = Account(tradesToday: 2);
        var btc = Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m);
        var xrp = Decision(TradeAction.Buy, Pair.XrpUsdt, stop: 0.49m);

        var plan = Plan([btc, xrp], portfolio, constraints, pendingEntries: new HashSet<Pair> { Pair.BtcUsdt });

        var held = plan.Verdicts[0];
        held.Outcome.ShouldBe(RiskOutcome.Rejected);
        held.Rule.ShouldBe(RiskRules.EntryPending);
        held.Reason.ShouldContain("an entry order in BTC/USDT sent earlier is still waiting for its fill");
        held.Volume.ShouldBe(0m);
        var dropped = plan.Dropped.ShouldHaveSingleItem();
        dropped.Decision.ShouldBe(btc);
        dropped.Rule.ShouldBe(RiskRules.EntryPending);

        // The rejected BUY used none of the day's trades: the XRP/USDT BUY takes the last one.
        plan.Verdicts[1].IsApproved.ShouldBeTrue();
        plan.Requests.ShouldHaveSingleItem().Pair.ShouldBe(Pair.XrpUsdt);
    }

    [Fact]
    public void Plan_SaleOfHoldingsWhileAnEntryInThePairWaits_RejectedEntryPending()
    {
        var plan = Plan([Decision(TradeAction.Sell, Pair.XrpUsdt, stop: 0.51m)], Account(xrp: 500m), pendingEntries: new HashSet<Pair> { Pair.XrpUsdt });

        plan.Verdicts.ShouldHaveSingleItem().Rule.ShouldBe(RiskRules.EntryPending);
        plan.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void Plan_ReduceAndCloseWhileAnEntryInThePairWaits_StillOrdered()
    {
        var position = OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.004m, 200m, markPrice: 50_000m);
        var portfolio = Account(btc: 0.004m, positions: position);
        var pending = new HashSet<Pair> { Pair.BtcUsdt };

        var reduce = Plan([Decision(TradeAction.Sell, Pair.BtcUsdt, sizePct: 1m)], portfolio, pendingEntries: pending);
        var close = Plan([Decision(TradeAction.Close, Pair.BtcUsdt)], portfolio, pendingEntries: pending);

        reduce.Verdicts.ShouldHaveSingleItem().IsApproved.ShouldBeTrue();
        reduce.Requests.ShouldHaveSingleItem().ReduceOnly.ShouldBeTrue();
        close.Requests.ShouldHaveSingleItem().Volume.ShouldBe(0.004m);
    }

    [Fact]
    public void Plan_TwoModelsAgreeInMajority_OneConsensusOrder()
    {
        var a = Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 10m, stop: 0.49m, model: "a");
        var b = Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 5m, stop: 0.49m, model: "b");

        var plan = Plan([a, b], mode: ConsensusMode.Majority);

        plan.Verdicts.Count.ShouldBe(2);
        var order = plan.Orders.ShouldHaveSingleItem();
        order.Owner.ShouldBe(Coordinator.ConsensusOwner);
        order.Entry.ClientOrderId.ShouldBe("c7-consensus-XRP-USDT-buy");
        order.Entry.Volume.ShouldBe(plan.Verdicts.Min(v => v.Volume));
    }

    [Fact]
    public void Plan_SameInputTwice_SamePlan()
    {
        var decisions = new[] { Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m), Decision(TradeAction.Sell, Pair.XrpUsdt, stop: 0.51m) };

        var first = Plan(decisions);
        var second = Plan(decisions);

        second.Requests.ShouldBe(first.Requests);
        second.Verdicts.ShouldBe(first.Verdicts);
        second.Dropped.ShouldBe(first.Dropped);
    }

    [Fact]
    public void Plan_CloseOfPositionFinerThanTheLot_RoundedUpReduceOnly()
    {
        var position = OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.00128000125996m, 64m, markPrice: 50_000m);
        var portfolio = Account(btc: 0.00128000125996m, positions: position);

        var plan = Plan([Decision(TradeAction.Close, Pair.BtcUsdt)], portfolio);

        var entry = plan.Requests.ShouldHaveSingleItem();
        entry.Volume.ShouldBe(0.00128001m);
        entry.ReduceOnly.ShouldBeTrue();
        entry.Side.ShouldBe(OrderSide.Sell);
    }

    [Fact]
    public void Plan_CloseOnTheLot_VolumeUnchanged()
    {
        var position = OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.0015m, 75m, markPrice: 50_000m);

        var plan = Plan([Decision(TradeAction.Close, Pair.BtcUsdt)], Account(btc: 0.0015m, positions: position));

        plan.Requests.ShouldHaveSingleItem().Volume.ShouldBe(0.0015m);
    }

    [Fact]
    public void Plan_NullDecision_ThrowsNamingTheIndex()
    {
        var ex = Should.Throw<ArgumentException>(() => Plan([Decision(TradeAction.Buy, Pair.BtcUsdt), null!]));

        ex.Message.ShouldContain("Decisions[1] is null");
    }

    [Theory]
    [InlineData(TradeAction.Buy)]
    [InlineData(TradeAction.Hold)]
    public void Plan_EmptyCycleId_Throws(TradeAction action)
    {
        var decision = action == TradeAction.Hold ? TradeDecision.Hold("baseline", Pair.BtcUsdt, Now, "flat") : Decision(action, Pair.BtcUsdt);

        var ex = Should.Throw<ArgumentException>(() => CyclePlanner.Plan(
            new CyclePlanInput(" ", Now, Account(), [decision], Loose, Prices(), PairCatalog.Kraken)));

        ex.Message.ShouldContain("cycle id must not be empty");
    }

    [Fact]
    public void Context_ClosedCandles_SnapshotOfTrackedPairsWithLastPrices()
    {
        var tracker = HourTracker();
        var open = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        tracker.Add(Pair.BtcUsdt, Candle(open, 50_000m));
        tracker.Add(Pair.BtcUsdt, Candle(open.AddMinutes(1), 50_100m));
        var portfolio = Account();
        var recent = new[] { TradeDecision.Hold("baseline", Pair.BtcUsdt, open, "earlier") };

        var context = CyclePlanner.Context(open.AddMinutes(2), tracker, portfolio, Loose, recent);

        context.Timestamp.ShouldBe(open.AddMinutes(2));
        context.Market.Timestamp.ShouldBe(open.AddMinutes(2));
        var btc = context.Market.Pairs.ShouldHaveSingleItem();
        btc.Pair.ShouldBe(Pair.BtcUsdt);
        btc.LastPrice.ShouldBe(50_100m);
        btc.Timestamp.ShouldBe(open.AddMinutes(1));
        context.Portfolio.ShouldBeSameAs(portfolio);
        context.RecentDecisions.ShouldBe(recent);
    }

    [Fact]
    public void Context_CandleNotClosedAtCycleTime_ThrowsLookAhead()
    {
        var tracker = HourTracker();
        var open = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Utc);
        tracker.Add(Pair.XrpUsdt, Candle(open, 0.5m));

        var ex = Should.Throw<ArgumentException>(() => CyclePlanner.Context(open.AddSeconds(30), tracker, Account(), Loose));

        ex.Message.ShouldContain("XRP/USDT candle opened at 2025-03-01T10:00Z that closes after the cycle time 2025-03-01T10:00:30Z");
    }

    [Fact]
    public void Context_NoRecentDecisions_EmptyList()
    {
        var context = CyclePlanner.Context(Now, HourTracker(), Account(), Loose);

        context.RecentDecisions.ShouldBeEmpty();
        context.Market.Pairs.ShouldBeEmpty();
    }

    /// <summary>A tracker on 1h only: 1-minute candles within one hour reach no indicator.</summary>
    private static MarketTracker HourTracker() =>
        new([Pair.BtcUsdt, Pair.XrpUsdt], new TrackerSettings { Timeframes = [Timeframe.H1] });

    private static Candle Candle(DateTime open, decimal price) => new(open, price, price, price, price, 1m);
}
