using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Agents.RiskFixtures;

namespace TripleGain.Core.Tests.Agents;

public class CoordinatorTests
{
    private static CoordinatorOutput Coordinate(
        IReadOnlyList<RiskVerdict> verdicts,
        PortfolioSnapshot? portfolio = null,
        ConsensusMode mode = ConsensusMode.SingleModel,
        double minAgreement = 0.5) =>
        new Coordinator().Run(new CoordinatorInput("42", Now, verdicts, portfolio ?? Account(), Prices(), PairCatalog.Kraken, mode, minAgreement));

    /// <summary>A verdict built by hand: approved at the given volume and leverage.</summary>
    private static RiskVerdict Approved(TradeDecision decision, decimal volume, decimal leverage = 1m, decimal? stop = null, decimal? takeProfit = null) =>
        new(decision, RiskOutcome.Approved, 0m, 0m, volume, leverage, stop, takeProfit, null, "approved by hand");

    [Fact]
    public void Run_ApprovedBuy_EntryCarriesStopAndTakeProfit()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m, takeProfit: 53_000m), Account());

        var output = Coordinate([verdict]);

        output.Orders.ShouldBe(
        [
            new OrderRequest("c42-baseline-BTC-USDT-buy", Pair.BtcUsdt, OrderSide.Buy, OrderType.Market, 0.02m, null, 1m, false, "baseline BUY BTC/USDT (confidence 0.80)", StopLoss: 49_000m, TakeProfit: 53_000m),
        ]);
        var plan = output.Plans.ShouldHaveSingleItem();
        plan.Intent.ShouldBe(TradeIntent.Open);
        plan.Models.ShouldBe(["baseline"]);
        plan.Adjustment.ShouldBeNull();
        output.Dropped.ShouldBeEmpty();
    }

    [Fact]
    public void Run_RejectedVerdict_DroppedWithRiskRuleAndNoOrder()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.4), Account());

        var output = Coordinate([verdict, TradeHold(Pair.XrpUsdt)]);

        output.Orders.ShouldBeEmpty();
        var dropped = output.Dropped.ShouldHaveSingleItem();
        dropped.Rule.ShouldBe("confidence_threshold");
        dropped.Reason.ShouldBe("confidence 0.40 is below the threshold 0.60");
    }

    [Fact]
    public void Run_SameInputTwice_SameClientOrderIds()
    {
        var verdicts = new[]
        {
            Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m), Account()),
            Assess(Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 5m), Account()),
        };

        var first = Coordinate(verdicts);
        var second = Coordinate(verdicts);

        first.Orders.Select(o => o.ClientOrderId).ShouldBe(
            ["c42-baseline-BTC-USDT-buy", "c42-baseline-XRP-USDT-buy"]);
        second.Orders.ShouldBe(first.Orders);
    }

    [Fact]
    public void Run_ModelIdWithColon_KeyKeepsOnlySafeCharacters()
    {
        var verdict = Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "paper:claude sonnet"), 0.01m);

        Coordinate([verdict]).Orders.Single().ClientOrderId.ShouldBe("c42-paper_claude_sonnet-BTC-USDT-buy");
    }

    [Fact]
    public void Run_SingleModelModeWithTwoModels_Throws()
    {
        var verdicts = new[] { Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "a"), 0.01m), Approved(Decision(TradeAction.Buy, Pair.XrpUsdt, model: "b"), 10m) };

        Should.Throw<ArgumentException>(() => Coordinate(verdicts)).Message.ShouldContain("got 2 models: a, b");
    }

    [Fact]
    public void Run_MajorityTwoOfThree_ExecutesSmallestAgreeingVolumeAtMeanConfidence()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.625, model: "a"), 0.02m, stop: 48_000m),
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.875, model: "b"), 0.01m, stop: 49_000m),
            Approved(Decision(TradeAction.Sell, Pair.BtcUsdt, confidence: 0.9, model: "c"), 0.01m, leverage: 2m),
        };

        var output = Coordinate(verdicts, mode: ConsensusMode.Majority);

        var plan = output.Plans.ShouldHaveSingleItem();
        plan.Owner.ShouldBe("consensus");
        plan.Models.ShouldBe(["a", "b"]);
        plan.Confidence.ShouldBe(0.75);
        plan.Entry.ClientOrderId.ShouldBe("c42-consensus-BTC-USDT-buy");
        plan.Entry.Volume.ShouldBe(0.01m);
        plan.StopLoss.ShouldBe(49_000m);
        var dropped = output.Dropped.ShouldHaveSingleItem();
        dropped.Decision.ModelId.ShouldBe("c");
        dropped.Rule.ShouldBe("consensus");
        dropped.Reason.ShouldBe("c SELL outvoted on BTC/USDT: BUY has 2 of 3 votes (BUY 2, SELL 1)");
    }

    [Fact]
    public void Run_MajorityTie_HoldsAndDropsBoth()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt, model: "a"), 100m),
            Approved(Decision(TradeAction.Sell, Pair.XrpUsdt, model: "b"), 100m, leverage: 2m),
        };

        var output = Coordinate(verdicts, mode: ConsensusMode.Majority);

        output.Orders.ShouldBeEmpty();
        output.Dropped.Select(d => (d.Decision.ModelId, d.Rule, d.Reason)).ShouldBe(
        [
            ("a", "consensus", "no consensus on XRP/USDT: a tie (BUY 1, SELL 1) holds"),
            ("b", "consensus", "no consensus on XRP/USDT: a tie (BUY 1, SELL 1) holds"),
        ]);
    }

    [Fact]
    public void Run_MajorityOneVoteEachWithHold_TieHolds()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt, model: "a"), 100m),
            Approved(Decision(TradeAction.Sell, Pair.XrpUsdt, model: "b"), 100m, leverage: 2m),
            Approved(TradeDecision.Hold("c", Pair.XrpUsdt, Now, "flat"), 0m),
        };

        var output = Coordinate(verdicts, mode: ConsensusMode.Majority);

        output.Orders.ShouldBeEmpty();
        output.Dropped.Count.ShouldBe(2);
        output.Dropped[0].Reason.ShouldBe("no consensus on XRP/USDT: a tie (HOLD 1, BUY 1, SELL 1) holds");
    }

    [Fact]
    public void Run_MajorityBelowMinimumAgreement_Holds()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "a"), 0.01m),
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "b"), 0.01m),
            Approved(TradeDecision.Hold("c", Pair.BtcUsdt, Now, "flat"), 0m),
        };

        var output = Coordinate(verdicts, mode: ConsensusMode.Majority, minAgreement: 0.75);

        output.Orders.ShouldBeEmpty();
        output.Dropped.Select(d => d.Reason).Distinct().ShouldBe(
            ["no consensus on BTC/USDT: BUY has 2 of 3 votes, below the minimum agreement 0.75 (BUY 2, HOLD 1)"]);
    }

    [Fact]
    public void Run_MajorityHoldWins_DropsTheBuy()
    {
        var verdicts = new[]
        {
            Approved(TradeDecision.Hold("a", Pair.BtcUsdt, Now, "flat"), 0m),
            Approved(TradeDecision.Hold("b", Pair.BtcUsdt, Now, "flat"), 0m),
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "c"), 0.01m),
        };

        var output = Coordinate(verdicts, mode: ConsensusMode.Majority);

        output.Orders.ShouldBeEmpty();
        output.Dropped.ShouldHaveSingleItem().Reason.ShouldBe("HOLD won on BTC/USDT with 2 of 3 votes (HOLD 2, BUY 1)");
    }

    [Fact]
    public void Run_MajorityAgreesButRiskRejectedAll_DropsWithRiskRules()
    {
        var portfolio = Account();
        var verdicts = new[]
        {
            Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.5, model: "a"), portfolio),
            Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.55, model: "b"), portfolio),
        };

        var output = Coordinate(verdicts, portfolio, ConsensusMode.Majority);

        output.Orders.ShouldBeEmpty();
        output.Dropped.Select(d => d.Rule).ShouldBe(["confidence_threshold", "confidence_threshold"]);
        output.Dropped[1].Reason.ShouldBe("consensus BUY on BTC/USDT (2 of 2) but risk approved none of it: confidence 0.55 is below the threshold 0.60");
    }

    [Fact]
    public void Run_MajorityModelVotingTwiceOnOnePair_Throws()
    {
        var verdicts = new[] { Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, model: "a"), 0.01m), Approved(Decision(TradeAction.Sell, Pair.BtcUsdt, model: "a"), 0.01m) };

        Should.Throw<ArgumentException>(() => Coordinate(verdicts, mode: ConsensusMode.Majority)).Message.ShouldContain("Model a has 2 decisions for BTC/USDT");
    }

    [Fact]
    public void Run_OppositePushOnXrp_KeepsHigherConfidence()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Sell, Pair.XrpBtc, confidence: 0.7), 1_000m, leverage: 2m),
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt, confidence: 0.8), 1_000m),
        };

        var output = Coordinate(verdicts);

        output.Plans.ShouldHaveSingleItem().Verdict.Decision.Pair.ShouldBe(Pair.XrpUsdt);
        var dropped = output.Dropped.ShouldHaveSingleItem();
        dropped.Rule.ShouldBe("triangle_conflict");
        dropped.Reason.ShouldBe("SELL XRP/BTC (confidence 0.70) sells XRP while BUY XRP/USDT (confidence 0.80) buys it: kept the higher-confidence order");
    }

    [Fact]
    public void Run_CloseConflictsWithHigherConfidenceOpen_KeepsTheClose()
    {
        var portfolio = Account(btc: 0.1m, positions: OpenPosition(Pair.XrpUsdt, PositionSide.Long, 1_000m, 500m));
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.XrpBtc, confidence: 0.9), 1_000m),
            Approved(Decision(TradeAction.Close, Pair.XrpUsdt, confidence: 0.5), 1_000m),
        };

        var output = Coordinate(verdicts, portfolio);

        var plan = output.Plans.ShouldHaveSingleItem();
        plan.Intent.ShouldBe(TradeIntent.Close);
        plan.Entry.ShouldBe(new OrderRequest("c42-baseline-XRP-USDT-close", Pair.XrpUsdt, OrderSide.Sell, OrderType.Market, 1_000m, null, 1m, true, "baseline CLOSE XRP/USDT (confidence 0.50)"));
        plan.StopLoss.ShouldBeNull();
        output.Dropped.ShouldHaveSingleItem().Reason.ShouldBe(
            "BUY XRP/BTC (confidence 0.90) buys XRP while CLOSE XRP/USDT (confidence 0.50) sells it: kept the risk-reducing order");
    }

    [Fact]
    public void Run_OppositePushAtEqualConfidence_KeepsNeither()
    {
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.8), 0.01m),
            Approved(Decision(TradeAction.Buy, Pair.XrpBtc, confidence: 0.8), 1_000m),
        };

        var output = Coordinate(verdicts, Account(btc: 0.1m));

        output.Orders.ShouldBeEmpty();
        output.Dropped.Select(d => d.Decision.Pair).ShouldBe([Pair.BtcUsdt, Pair.XrpBtc]);
        output.Dropped.ShouldAllBe(d => d.Rule == "triangle_conflict" && d.Reason.EndsWith("equal rank and confidence, neither kept", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_TwoBuysAgainstUsdt_NoConflict()
    {
        var verdicts = new[] { Approved(Decision(TradeAction.Buy, Pair.BtcUsdt), 0.01m), Approved(Decision(TradeAction.Buy, Pair.XrpUsdt), 100m) };

        var output = Coordinate(verdicts);

        output.Plans.Count.ShouldBe(2);
        output.Dropped.ShouldBeEmpty();
    }

    [Fact]
    public void Run_CashBuysOverFreeUsdt_ScaledProportionallyAndFloored()
    {
        // Need 0.012 x 50000 x 1.004 + 1200 x 0.5 x 1.004 = 1204.8 USDT; 1000 free: factor 0.830013280212.
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt), 0.012m, stop: 49_000m),
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt), 1_200m),
        };

        var output = Coordinate(verdicts, Account(usdt: 1_000m));

        output.Plans.Select(p => p.Entry.Volume).ShouldBe([0.00996015m, 996.01593625m]);
        output.Plans[0].StopLoss.ShouldNotBeNull();
        output.Plans[0].Adjustment.ShouldBe("scaled by 0.830013 with the other orders on USDT: together they need 1204.8 USDT, 1000 is free: 0.012 -> 0.00996015 BTC");
        output.Dropped.ShouldBeEmpty();
    }

    [Fact]
    public void Run_ScaledBelowMinimum_DroppedOverAllocation()
    {
        // Need 602.4 + 2 x 0.5 x 1.004 = 603.404 USDT; 600 free: factor 0.994358671801; 2 XRP becomes 1.98871734 < 2.
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.BtcUsdt), 0.012m),
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt), 2m),
        };

        var output = Coordinate(verdicts, Account(usdt: 600m));

        output.Plans.ShouldHaveSingleItem().Entry.Volume.ShouldBe(0.0119323m);
        var dropped = output.Dropped.ShouldHaveSingleItem();
        dropped.Rule.ShouldBe("over_allocation");
        dropped.Reason.ShouldBe("scaled by 0.994358 with the other orders on USDT: together they need 603.404 USDT, 600 is free; 1.98871734 XRP is below the minimum order 2 XRP or cost 0.5 USDT");
    }

    [Fact]
    public void Run_MarginShortsOverFreeMargin_ScaledTogether()
    {
        // Margin needed: 600 / 2 + 600 / 2 = 600 USDT; 400 free: factor 0.666666666666.
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Sell, Pair.BtcUsdt), 0.012m, leverage: 2m),
            Approved(Decision(TradeAction.Sell, Pair.XrpUsdt), 1_200m, leverage: 2m),
        };

        var output = Coordinate(verdicts, Account(freeMargin: 400m));

        output.Plans.Select(p => (p.Entry.Side, p.Entry.Volume, p.Entry.Leverage)).ShouldBe(
            [(OrderSide.Sell, 0.00799999m, 2m), (OrderSide.Sell, 799.99999999m, 2m)]);
    }

    [Fact]
    public void Run_SalesOfHoldingsOverBalance_ScaledTogether()
    {
        // Both sell XRP: 600 + 600 of the 900 held.
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Sell, Pair.XrpUsdt), 600m),
            Approved(Decision(TradeAction.Sell, Pair.XrpBtc), 600m),
        };

        var output = Coordinate(verdicts, Account(xrp: 900m));

        output.Plans.Select(p => (p.Intent, p.Entry.Volume, p.Entry.ReduceOnly)).ShouldBe(
            [(TradeIntent.SellHoldings, 450m, false), (TradeIntent.SellHoldings, 450m, false)]);
    }

    [Fact]
    public void Run_CloseAndOpen_RiskReducingOrdersFirst()
    {
        var portfolio = Account(positions: OpenPosition(Pair.XrpBtc, PositionSide.Short, 500m, 250m, leverage: 2m));
        var verdicts = new[]
        {
            Approved(Decision(TradeAction.Buy, Pair.XrpUsdt), 100m),
            Approved(Decision(TradeAction.Close, Pair.XrpBtc), 500m, leverage: 2m),
        };

        var output = Coordinate(verdicts, portfolio);

        output.Plans.Select(p => (p.Entry.ClientOrderId, p.Entry.Side, p.Entry.ReduceOnly)).ShouldBe(
        [
            ("c42-baseline-XRP-BTC-close", OrderSide.Buy, true),
            ("c42-baseline-XRP-USDT-buy", OrderSide.Buy, false),
        ]);
    }

    [Fact]
    public void Run_ApprovedCloseWithoutPosition_DroppedNoPosition()
    {
        var output = Coordinate([Approved(Decision(TradeAction.Close, Pair.BtcUsdt), 0.01m)]);

        output.Orders.ShouldBeEmpty();
        output.Dropped.ShouldHaveSingleItem().Rule.ShouldBe("no_position");
    }

    [Fact]
    public void RunCycle_SeedPaperAccount_RiskThenCoordinatorGiveOrders()
    {
        // The seed's paper account: 1000 USDT and 500 XRP (250 USDT at 0.5): equity 1250.
        var portfolio = Account(equity: 1_250m, usdt: 1_000m, xrp: 500m);
        var decisions = new[]
        {
            Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 10m, stop: 49_000m),
            Decision(TradeAction.Sell, Pair.XrpUsdt, sizePct: 20m, confidence: 0.7),
            TradeDecision.Hold("baseline", Pair.XrpBtc, Now, "flat"),
        };
        var verdicts = new RiskAgent().RunCycle(decisions, portfolio, TradingConstraints.Default, Prices(), PairCatalog.Kraken);

        var output = Coordinate(verdicts, portfolio);

        output.Orders.Select(o => (o.ClientOrderId, o.Side, o.Type, o.Volume, o.StopLoss)).ShouldBe(
        [
            ("c42-baseline-XRP-USDT-sell", OrderSide.Sell, OrderType.Market, 500m, (decimal?)null),
            ("c42-baseline-BTC-USDT-buy", OrderSide.Buy, OrderType.Market, 0.0025m, 49_000m),
        ]);
        output.Dropped.ShouldBeEmpty();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Run_MinimumAgreementOutOfRange_Throws(double minAgreement) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Coordinate([], mode: ConsensusMode.Majority, minAgreement: minAgreement))
            .Message.ShouldContain("minimum agreement");

    [Fact]
    public void Run_EmptyCycleId_Throws() =>
        Should.Throw<ArgumentException>(() => new Coordinator().Run(new CoordinatorInput("", Now, [], Account(), Prices(), PairCatalog.Kraken)))
            .Message.ShouldContain("cycle id");

    private static RiskVerdict TradeHold(Pair pair) => Assess(TradeDecision.Hold("baseline", pair, Now, "flat"), Account());
}
