using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Agents.RiskFixtures;

namespace TripleGain.Core.Tests.Agents;

public class RiskAgentTests
{
    [Fact]
    public void Run_Hold_ApprovedWithZeroSizeAndNoRule()
    {
        var verdict = Assess(TradeDecision.Hold("baseline", Pair.BtcUsdt, Now, "flat"), Account());

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(0m);
        verdict.NotionalUsd.ShouldBe(0m);
        verdict.Rule.ShouldBeNull();
    }

    [Fact]
    public void Run_CloseWithPosition_ApprovedForWholePositionDespiteEveryLimit()
    {
        var portfolio = Account(equity: 10_000m, peak: 20_000m, tradesToday: 10,
            positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.03m, 1_500m, leverage: 2m));
        var constraints = Loose with { AllowedPairs = [Pair.XrpUsdt], MaxTradesPerDay = 10 };

        var verdict = Assess(Decision(TradeAction.Close, Pair.BtcUsdt, sizePct: 0m, confidence: 0.1), portfolio, constraints);

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(0.03m);
        verdict.NotionalUsd.ShouldBe(1_500m);
        verdict.SizePct.ShouldBe(15m);
        verdict.Leverage.ShouldBe(2m);
        verdict.Reason.ShouldBe("CLOSE the long position of 0.03 BTC (1500.00 USDT); closing is allowed under every limit");
    }

    [Fact]
    public void Run_CloseOfDustBelowTheMinimumOrder_RejectedMinimumOrderSizeSoNoOrderIsSent()
    {
        var portfolio = Account(positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.00004m, 2m));

        var verdict = Assess(Decision(TradeAction.Close, Pair.BtcUsdt, sizePct: 0m), portfolio);

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.Rule.ShouldBe("minimum_order_size");
        verdict.Volume.ShouldBe(0m);
        verdict.Reason.ShouldStartWith("CLOSE on BTC/USDT: the long position of 0.00004 BTC is below the minimum order (0.00005 BTC");
        verdict.Reason.ShouldEndWith("dust the exchange cannot close, left in the balance");
    }

    [Fact]
    public void Run_CloseOfAPositionThatRoundsUpToTheMinimum_ApprovedForTheWholePosition()
    {
        // 0.000049995 BTC has more decimals than the lot (8): the reduce-only close goes out as 0.00005, the minimum.
        var portfolio = Account(positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.000049995m, 2.5m));

        var verdict = Assess(Decision(TradeAction.Close, Pair.BtcUsdt, sizePct: 0m), portfolio);

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(0.000049995m);
    }

    [Fact]
    public void Run_CloseWithoutPosition_RejectedNoPosition()
    {
        var verdict = Assess(Decision(TradeAction.Close, Pair.XrpBtc), Account(xrp: 500m));

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.Rule.ShouldBe("no_position");
        verdict.Reason.ShouldBe("CLOSE on XRP/BTC but there is no open position in it");
    }

    [Fact]
    public void Run_PairNotInStage_RejectedPairNotAllowed()
    {
        var constraints = Loose with { AllowedPairs = [Pair.BtcUsdt, Pair.XrpUsdt] };

        var verdict = Assess(Decision(TradeAction.Buy, Pair.XrpBtc), Account(btc: 0.1m), constraints);

        verdict.Rule.ShouldBe("pair_not_allowed");
        verdict.Reason.ShouldBe("XRP/BTC is not allowed in the current stage (allowed: BTC/USDT, XRP/USDT)");
    }

    [Fact]
    public void Run_ConfidenceBelowThreshold_RejectedWithBothNumbers()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.55), Account());

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.Rule.ShouldBe("confidence_threshold");
        verdict.Reason.ShouldBe("confidence 0.55 is below the threshold 0.60");
    }

    [Fact]
    public void Run_DrawdownAtLimit_RejectedMaxDrawdown()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(equity: 9_000m, usdt: 9_000m, peak: 10_000m));

        verdict.Rule.ShouldBe("max_drawdown_pct");
        verdict.Reason.ShouldBe("drawdown 10% from the peak 10000.00 USDT (equity 9000.00 USDT) is at or beyond the limit 10%: no new risk");
    }

    [Fact]
    public void Run_TradesTodayPlusApprovedReachLimit_RejectedMaxTradesPerDay()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(tradesToday: 9), facts: new RiskCycleFacts(1, 0m));

        verdict.Rule.ShouldBe("max_trades_per_day");
        verdict.Reason.ShouldBe("10 trades today (9 filled + 1 approved this cycle) reach the limit 10");
    }

    [Fact]
    public void Run_EquityZero_RejectedNoEquity()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(equity: 0m, usdt: 0m, peak: 0m));

        verdict.Rule.ShouldBe("no_equity");
        verdict.Reason.ShouldBe("equity 0.00 USDT leaves nothing to risk");
    }

    [Fact]
    public void Run_BuyStopAbovePrice_RejectedStopLossSide()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 51_000m), Account());

        verdict.Rule.ShouldBe("stop_loss_side");
        verdict.Reason.ShouldBe("stop-loss 51000 is not below the price 50000 for a BUY");
    }

    [Fact]
    public void Run_ShortStopBelowPrice_RejectedStopLossSide()
    {
        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt, stop: 49_000m), Account(), Loose with { MaxLeverage = 3m });

        verdict.Rule.ShouldBe("stop_loss_side");
        verdict.Reason.ShouldBe("stop-loss 49000 is not above the price 50000 for a SELL");
    }

    [Fact]
    public void Run_BuyTakeProfitBelowPrice_RejectedTakeProfitSide()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m, takeProfit: 49_500m), Account());

        verdict.Rule.ShouldBe("take_profit_side");
        verdict.Reason.ShouldBe("take-profit 49500 is not above the price 50000 for a BUY");
    }

    [Fact]
    public void Run_BuyWithinEveryCap_ApprovedAtRequestedSize()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m, takeProfit: 53_000m), Account());

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Rule.ShouldBeNull();
        verdict.Volume.ShouldBe(0.02m);
        verdict.NotionalUsd.ShouldBe(1_000m);
        verdict.SizePct.ShouldBe(10m);
        verdict.Leverage.ShouldBe(1m);
        verdict.StopLoss.ShouldBe(49_000m);
        verdict.TakeProfit.ShouldBe(53_000m);
        verdict.Reason.ShouldBe("BUY 0.02 BTC at 50000 USDT = 1000.00 USDT (10% of equity 10000.00 USDT), leverage 1, stop-loss 49000 (2% away)");
    }

    [Fact]
    public void Run_BuyWithoutStop_SetsDefaultStopOnVerdict()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 10m), Account(), Loose with { DefaultStopPct = 3m });

        verdict.StopLoss.ShouldBe(48_500m);
        verdict.Reason.ShouldEndWith("stop-loss 48500 (3% away, default)");
    }

    [Fact]
    public void Run_RiskCapBinds_ResizedRiskPerTrade()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 20m, stop: 45_000m), Account(), Loose with { RiskPerTradePct = 1m });

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("risk_per_trade_pct");
        verdict.Volume.ShouldBe(0.02m);
        verdict.NotionalUsd.ShouldBe(1_000m);
        verdict.Reason.ShouldStartWith("requested 2000.00 USDT exceeds the risk cap 1000.00 USDT (1% of equity 10000.00 USDT over a stop 10% away); BUY 0.02 BTC");
    }

    [Fact]
    public void Run_ExistingLongNearPositionCap_ResizedMaxPositionPct()
    {
        var portfolio = Account(positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.04m, 2_000m));

        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), portfolio, Loose with { MaxPositionPct = 25m });

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("max_position_pct");
        verdict.Volume.ShouldBe(0.01m);
        verdict.Reason.ShouldStartWith("requested 1000.00 USDT exceeds the position cap 500.00 USDT (25% of equity 10000.00 USDT less the existing 2000.00 USDT)");
    }

    [Fact]
    public void Run_SpotHoldingOfBaseCountsAsExistingLong_ResizedMaxPositionPct()
    {
        // 4000 XRP at 0.5 = 2000 USDT already held.
        var verdict = Assess(Decision(TradeAction.Buy, Pair.XrpUsdt), Account(usdt: 8_000m, xrp: 4_000m), Loose with { MaxPositionPct = 25m });

        verdict.Rule.ShouldBe("max_position_pct");
        verdict.Volume.ShouldBe(1_000m);
        verdict.NotionalUsd.ShouldBe(500m);
    }

    [Fact]
    public void Run_PositionAlreadyAtCap_RejectedMaxPositionPct()
    {
        var portfolio = Account(positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.05m, 2_500m));

        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), portfolio, Loose with { MaxPositionPct = 25m });

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.Rule.ShouldBe("max_position_pct");
        verdict.Volume.ShouldBe(0m);
        verdict.Reason.ShouldBe("requested 1000.00 USDT exceeds the position cap 0.00 USDT (25% of equity 10000.00 USDT less the existing 2500.00 USDT)");
    }

    [Fact]
    public void Run_OrderAboveSingleOrderCap_ResizedMaxSingleOrderUsd()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 49_000m), Account(), TradingConstraints.Default);

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("max_single_order_usd");
        verdict.Volume.ShouldBe(0.01m);
        verdict.NotionalUsd.ShouldBe(500m);
        verdict.SizePct.ShouldBe(5m);
        verdict.Reason.ShouldBe("requested 1000.00 USDT exceeds the single-order cap 500.00 USDT; BUY 0.01 BTC at 50000 USDT = 500.00 USDT (5% of equity 10000.00 USDT), leverage 1, stop-loss 49000 (2% away)");
    }

    [Fact]
    public void Run_GrossExposureNearLeverageLimit_ResizedMaxLeverage()
    {
        var portfolio = Account(positions: OpenPosition(Pair.XrpUsdt, PositionSide.Short, 39_000m, 19_500m, leverage: 2m));

        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), portfolio, Loose with { MaxLeverage = 2m });

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("max_leverage");
        verdict.Volume.ShouldBe(0.01m);
        verdict.Leverage.ShouldBe(1m);
        verdict.Reason.ShouldStartWith("requested 1000.00 USDT exceeds the leverage room 500.00 USDT (2x equity 10000.00 USDT less the gross exposure 19500.00 USDT)");
    }

    [Fact]
    public void Run_CashBuyAboveFreeQuoteLessFee_ResizedAvailableFunds()
    {
        // 502 USDT / 1.004 = 500 USDT after the taker fee.
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(usdt: 502m));

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("available_funds");
        verdict.Volume.ShouldBe(0.01m);
        verdict.Leverage.ShouldBe(1m);
        verdict.Reason.ShouldStartWith("requested 1000.00 USDT exceeds the available funds 500.00 USDT (the free 502 USDT (502.00 USDT) less the 0.4% taker fee)");
    }

    [Fact]
    public void Run_BuyAboveCashWithMarginAllowed_UsesLeverageAndFreeMarginCap()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(usdt: 100m, freeMargin: 300m), Loose with { MaxLeverage = 2m });

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("available_funds");
        verdict.Leverage.ShouldBe(2m);
        verdict.Volume.ShouldBe(0.012m);
        verdict.NotionalUsd.ShouldBe(600m);
        verdict.Reason.ShouldStartWith("requested 1000.00 USDT exceeds the available funds 600.00 USDT (free margin 300.00 USDT x leverage 2)");
    }

    [Fact]
    public void Run_VolumeWithManyDecimals_FlooredToLotDecimalsAndStillApproved()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: 29_400m), Account(), prices: Prices(btcUsdt: 30_000m, xrpBtc: 0.00001666m));

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(0.03333333m);
        verdict.NotionalUsd.ShouldBe(999.9999m);
        verdict.SizePct.ShouldBe(10m);
    }

    [Fact]
    public void Run_VolumeBelowPairMinimum_RejectedMinimumOrderSize()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 0.0004m), Account());

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.Rule.ShouldBe("minimum_order_size");
        verdict.Reason.ShouldBe("volume 0.0000008 BTC is below the minimum order 0.00005 BTC");
    }

    [Fact]
    public void Run_CostBelowPairMinimum_RejectedMinimumOrderSize()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 0.004m), Account(), prices: Prices(xrpUsdt: 0.2m, xrpBtc: 0.000004m));

        verdict.Rule.ShouldBe("minimum_order_size");
        verdict.Reason.ShouldBe("cost 0.4 USDT of 2 XRP is below the minimum cost 0.5 USDT");
    }

    [Fact]
    public void Run_CapLeavesLessThanMinimum_RejectionNamesTheCap()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(), Loose with { MaxSingleOrderUsd = 2m });

        verdict.Rule.ShouldBe("minimum_order_size");
        verdict.Reason.ShouldBe("volume 0.00004 BTC after the max_single_order_usd cap is below the minimum order 0.00005 BTC");
    }

    [Fact]
    public void Run_XrpBtcBuy_ValuedThroughBtcUsdt()
    {
        var input = RiskInput.From(Decision(TradeAction.Buy, Pair.XrpBtc, sizePct: 4m), Account(usdt: 7_500m, btc: 0.05m), Loose, Prices(), PairCatalog.Kraken);

        var verdict = new RiskAgent().Run(input);

        input.QuoteUsd.ShouldBe(50_000m);
        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(800m);
        verdict.NotionalUsd.ShouldBe(400m);
        verdict.StopLoss.ShouldBe(0.0000098m);
    }

    [Fact]
    public void Run_XrpBtcBuyAboveBtcBalance_FundsValuedInUsdtThroughBtcPrice()
    {
        // 0.01 BTC = 500 USDT; less the fee: 500 / 1.004 = 498.0079681274900398406374502 USDT = 996.01593625... XRP at 0.5 USDT.
        var verdict = Assess(Decision(TradeAction.Buy, Pair.XrpBtc), Account(usdt: 9_500m, btc: 0.01m));

        verdict.Rule.ShouldBe("available_funds");
        verdict.Volume.ShouldBe(996.01593625m);
        verdict.NotionalUsd.ShouldBe(498.007968125m);
        verdict.Reason.ShouldStartWith("requested 1000.00 USDT exceeds the available funds 498.01 USDT (the free 0.01 BTC (500.00 USDT) less the 0.4% taker fee)");
    }

    [Fact]
    public void Run_ShortWithoutLeverage_RejectedShortNotAllowed()
    {
        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt), Account());

        verdict.Rule.ShouldBe("short_not_allowed");
        verdict.Reason.ShouldBe("SELL without a long position or a holding of BTC opens a short, which needs margin: max_leverage is 1 (the pair allows 5)");
    }

    [Fact]
    public void Run_ShortWithLeverage_ApprovedOnMarginWithStopAbovePrice()
    {
        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt, sizePct: 4m, takeProfit: 45_000m), Account(), Loose with { MaxLeverage = 3m });

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(0.008m);
        verdict.NotionalUsd.ShouldBe(400m);
        verdict.Leverage.ShouldBe(3m);
        verdict.StopLoss.ShouldBe(51_000m);
        verdict.TakeProfit.ShouldBe(45_000m);
    }

    [Fact]
    public void Run_ShortLeverage_LimitedByPairMaximum()
    {
        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt, sizePct: 4m), Account(), Loose with { MaxLeverage = 10m });

        verdict.Leverage.ShouldBe(5m);
    }

    [Fact]
    public void Run_SellAgainstLongInDrawdown_ReducesCappedAtPosition()
    {
        var portfolio = Account(peak: 20_000m, positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.01m, 500m, leverage: 2m));

        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt, stop: 60_000m), portfolio);

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("position_volume");
        verdict.Volume.ShouldBe(0.01m);
        verdict.NotionalUsd.ShouldBe(500m);
        verdict.Leverage.ShouldBe(2m);
        verdict.StopLoss.ShouldBeNull();
        verdict.Reason.ShouldBe("SELL of 0.02 BTC (1000.00 USDT) exceeds the long position of 0.01 BTC: a reduce never flips the position; SELL 0.01 BTC (500.00 USDT) reduces the long position of 0.01 BTC");
    }

    [Fact]
    public void Run_ReduceWithLowConfidence_RejectedConfidenceThreshold()
    {
        var portfolio = Account(positions: OpenPosition(Pair.BtcUsdt, PositionSide.Long, 0.01m, 500m));

        var verdict = Assess(Decision(TradeAction.Sell, Pair.BtcUsdt, confidence: 0.3), portfolio);

        verdict.Rule.ShouldBe("confidence_threshold");
        verdict.Reason.ShouldBe("confidence 0.30 is below the threshold 0.60");
    }

    [Fact]
    public void Run_BuyAgainstShort_ReducesAtPositionLeverage()
    {
        var portfolio = Account(positions: OpenPosition(Pair.XrpUsdt, PositionSide.Short, 1_000m, 500m, leverage: 2m));

        var verdict = Assess(Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 2m), portfolio);

        verdict.Outcome.ShouldBe(RiskOutcome.Approved);
        verdict.Volume.ShouldBe(400m);
        verdict.Leverage.ShouldBe(2m);
        verdict.StopLoss.ShouldBeNull();
    }

    [Fact]
    public void Run_SellWithSpotHolding_SellsHoldingCappedAtBalance()
    {
        var verdict = Assess(Decision(TradeAction.Sell, Pair.XrpUsdt), Account(usdt: 9_750m, xrp: 500m));

        verdict.Outcome.ShouldBe(RiskOutcome.Resized);
        verdict.Rule.ShouldBe("available_funds");
        verdict.Volume.ShouldBe(500m);
        verdict.NotionalUsd.ShouldBe(250m);
        verdict.Leverage.ShouldBe(1m);
        verdict.Reason.ShouldBe("SELL of 2000 XRP (1000.00 USDT) exceeds the held 500 XRP; SELL 500 XRP (250.00 USDT) of the held 500 XRP");
    }

    [Fact]
    public void Run_Rejected_ChangesNothing()
    {
        var balances = new Dictionary<Asset, decimal> { [Asset.USDT] = 10_000m };
        var portfolio = Account() with { Balances = balances };
        var decision = Decision(TradeAction.Buy, Pair.BtcUsdt, confidence: 0.2, stop: 49_000m, takeProfit: 55_000m);

        var verdict = Assess(decision, portfolio);

        verdict.Outcome.ShouldBe(RiskOutcome.Rejected);
        verdict.IsApproved.ShouldBeFalse();
        (verdict.SizePct, verdict.NotionalUsd, verdict.Volume, verdict.Leverage).ShouldBe((0m, 0m, 0m, 1m));
        verdict.StopLoss.ShouldBeNull();
        verdict.TakeProfit.ShouldBeNull();
        verdict.Decision.ShouldBeSameAs(decision);
        balances.ShouldBe(new Dictionary<Asset, decimal> { [Asset.USDT] = 10_000m });
    }

    [Theory]
    [InlineData(0, 0.8, "size 0% of equity is outside (0, 100]")]
    [InlineData(101, 0.8, "size 101% of equity is outside (0, 100]")]
    [InlineData(10, double.NaN, "confidence NaN is outside [0, 1]")]
    [InlineData(10, 1.5, "confidence 1.50 is outside [0, 1]")]
    public void Run_InvalidDecisionFields_RejectedInvalidDecision(int sizePct, double confidence, string reason)
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: sizePct, confidence: confidence), Account());

        verdict.Rule.ShouldBe("invalid_decision");
        verdict.Reason.ShouldBe(reason);
    }

    [Fact]
    public void Run_NegativeStop_RejectedInvalidDecision()
    {
        var verdict = Assess(Decision(TradeAction.Buy, Pair.BtcUsdt, stop: -5m), Account());

        verdict.Rule.ShouldBe("invalid_decision");
        verdict.Reason.ShouldBe("stop-loss -5 is not a price above 0");
    }

    [Fact]
    public void Run_PriceZero_ThrowsNamingThePair()
    {
        var input = new RiskInput(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(), Loose, 0m, 1m, PairCatalog.Kraken[Pair.BtcUsdt]);

        Should.Throw<ArgumentOutOfRangeException>(() => new RiskAgent().Run(input)).Message.ShouldContain("BTC/USDT must be above 0");
    }

    [Fact]
    public void Run_UsdtPairWithQuoteUsdNotOne_Throws()
    {
        var input = new RiskInput(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(), Loose, 50_000m, 2m, PairCatalog.Kraken[Pair.BtcUsdt]);

        Should.Throw<ArgumentOutOfRangeException>(() => new RiskAgent().Run(input)).Message.ShouldContain("exactly 1 for a USDT-quoted pair");
    }

    [Fact]
    public void Run_PairInfoOfAnotherPair_Throws()
    {
        var input = new RiskInput(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(), Loose, 50_000m, 1m, PairCatalog.Kraken[Pair.XrpUsdt]);

        Should.Throw<ArgumentException>(() => new RiskAgent().Run(input)).Message.ShouldContain("for BTC/USDT but the pair metadata is for XRP/USDT");
    }

    [Fact]
    public void Run_NegativeConstraint_ThrowsNamingTheKey()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Assess(Decision(TradeAction.Buy, Pair.BtcUsdt), Account(), Loose with { RiskPerTradePct = -1m }))
            .Message.ShouldContain("risk_per_trade_pct must be in (0, 100], got -1");
    }

    [Fact]
    public void RunCycle_SecondTradeOverDailyLimit_RejectedCountingFirstApproval()
    {
        var decisions = new[]
        {
            Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 1m),
            Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 1m),
            Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 1m, model: "other"),
        };

        var verdicts = new RiskAgent().RunCycle(decisions, Account(tradesToday: 1), Loose with { MaxTradesPerDay = 2 }, Prices(), PairCatalog.Kraken);

        verdicts.Select(v => v.Outcome).ShouldBe([RiskOutcome.Approved, RiskOutcome.Rejected, RiskOutcome.Approved]);
        verdicts[1].Reason.ShouldBe("2 trades today (1 filled + 1 approved this cycle) reach the limit 2");
    }

    [Fact]
    public void RunCycle_SecondOpenOverLeverage_ResizedCountingFirstNotional()
    {
        var decisions = new[]
        {
            Decision(TradeAction.Buy, Pair.BtcUsdt, sizePct: 60m, stop: 40_000m),
            Decision(TradeAction.Buy, Pair.XrpUsdt, sizePct: 60m, stop: 0.4m),
        };

        var verdicts = new RiskAgent().RunCycle(decisions, Account(), Loose with { RiskPerTradePct = 100m }, Prices(), PairCatalog.Kraken);

        verdicts[0].Outcome.ShouldBe(RiskOutcome.Approved);
        verdicts[1].Rule.ShouldBe("max_leverage");
        verdicts[1].Volume.ShouldBe(8_000m);
    }

    [Theory]
    [InlineData(TradeAction.Sell, 0.00001, TradeIntent.Open)]
    [InlineData(TradeAction.Sell, 0.00005, TradeIntent.SellHoldings)]
    [InlineData(TradeAction.Buy, 0.00005, TradeIntent.Open)]
    [InlineData(TradeAction.Hold, 0, TradeIntent.Hold)]
    [InlineData(TradeAction.Close, 0, TradeIntent.Close)]
    public void IntentOf_WithoutPosition_DependsOnHolding(TradeAction action, double btcHeld, TradeIntent expected) =>
        RiskAgent.IntentOf(Decision(action, Pair.BtcUsdt), Account(btc: (decimal)btcHeld), PairCatalog.Kraken[Pair.BtcUsdt]).ShouldBe(expected);

    [Theory]
    [InlineData(PositionSide.Long, TradeAction.Sell, TradeIntent.Reduce)]
    [InlineData(PositionSide.Long, TradeAction.Buy, TradeIntent.Open)]
    [InlineData(PositionSide.Short, TradeAction.Buy, TradeIntent.Reduce)]
    [InlineData(PositionSide.Short, TradeAction.Sell, TradeIntent.Open)]
    public void IntentOf_WithPosition_ReducesOrIncreases(PositionSide side, TradeAction action, TradeIntent expected) =>
        RiskAgent.IntentOf(Decision(action, Pair.BtcUsdt), Account(positions: OpenPosition(Pair.BtcUsdt, side, 0.01m, 500m)), PairCatalog.Kraken[Pair.BtcUsdt])
            .ShouldBe(expected);
}
