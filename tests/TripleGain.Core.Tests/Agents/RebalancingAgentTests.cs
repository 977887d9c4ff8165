using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.RiskFixtures;

namespace TripleGain.Core.Tests.Agents;

public class RebalancingAgentTests
{
    private static readonly TargetAllocation HalfUsdt = new(usdt: 0.5m, xrp: 0.25m, btc: 0.25m);

    private static RebalancePlan Plan(decimal usdt, decimal xrp, decimal btc, TargetAllocation? target = null, decimal threshold = 5m) =>
        new RebalancingAgent().Run(new RebalanceInput("7", Account(usdt: usdt, xrp: xrp, btc: btc), Prices(), PairCatalog.Kraken, target ?? HalfUsdt, threshold));

    [Fact]
    public void Run_OnTarget_EmptyPlanWithReason()
    {
        var plan = Plan(usdt: 5_000m, xrp: 5_000m, btc: 0.05m);

        plan.IsEmpty.ShouldBeTrue();
        plan.Reason.ShouldBe("no asset drifts beyond 5 pp (USDT 0 pp, XRP 0 pp, BTC 0 pp)");
    }

    [Fact]
    public void Run_DriftWithinThreshold_EmptyPlanListingDrifts()
    {
        // USDT 4600 (46%), XRP 5800 x 0.5 = 2900 (29%), BTC 2500 (25%).
        var plan = Plan(usdt: 4_600m, xrp: 5_800m, btc: 0.05m);

        plan.IsEmpty.ShouldBeTrue();
        plan.Reason.ShouldBe("no asset drifts beyond 5 pp (USDT -4 pp, XRP +4 pp, BTC 0 pp)");
        plan.Drifts.Single(d => d.Asset == Asset.XRP).ShouldBe(new AssetDrift(Asset.XRP, 5_800m, 2_900m, 0.29m, 0.25m, 4m));
    }

    [Fact]
    public void Run_XrpAboveBtcBelow_OneSellOnXrpBtc()
    {
        // USDT 5000 (50%), XRP 10000 x 0.5 = 5000 (50%, +25 pp), BTC 0 (-25 pp): 2500 USDT worth of XRP goes to BTC.
        var plan = Plan(usdt: 5_000m, xrp: 10_000m, btc: 0m);

        plan.Orders.ShouldBe([new OrderRequest("c7-rebalance-XRP-BTC-sell", Pair.XrpBtc, OrderSide.Sell, OrderType.Market, 5_000m,
            Reason: "rebalance: SELL 5000 XRP on XRP/BTC (2500.00 USDT from XRP to BTC)")]);
        plan.Reason.ShouldBe("XRP +25 pp, BTC -25 pp beyond the 5 pp threshold: 1 order(s) back to the target (USDT 0 pp, XRP +25 pp, BTC -25 pp)");
        plan.Notes.ShouldBeEmpty();
    }

    [Fact]
    public void Run_BtcAboveXrpBelow_BuysXrpWithBtcLessTheFee()
    {
        // BTC 0.2 = 10000 USDT; target half XRP: 5000 USDT / 1.004 / 0.5 = 9960.159362549800796... XRP.
        var plan = Plan(usdt: 0m, xrp: 0m, btc: 0.2m, new TargetAllocation(usdt: 0m, xrp: 0.5m, btc: 0.5m));

        var order = plan.Orders.ShouldHaveSingleItem();
        order.ClientOrderId.ShouldBe("c7-rebalance-XRP-BTC-buy");
        order.Side.ShouldBe(OrderSide.Buy);
        order.Volume.ShouldBe(9_960.15936254m);
    }

    [Fact]
    public void Run_AllInUsdt_TwoBuysInPairOrder()
    {
        // 2500 USDT each for BTC and XRP, less the 0.4% fee: 2490.0398406374501992031872510 USDT.
        var plan = Plan(usdt: 10_000m, xrp: 0m, btc: 0m);

        plan.Orders.Select(o => (o.ClientOrderId, o.Pair, o.Side, o.Volume)).ShouldBe(
        [
            ("c7-rebalance-BTC-USDT-buy", Pair.BtcUsdt, OrderSide.Buy, 0.04980079m),
            ("c7-rebalance-XRP-USDT-buy", Pair.XrpUsdt, OrderSide.Buy, 4_980.07968127m),
        ]);
        plan.Orders.ShouldAllBe(o => o.Type == OrderType.Market && o.Leverage == 1m && !o.ReduceOnly);
    }

    [Fact]
    public void Run_TransferBelowMinimum_SkippedWithNote()
    {
        // USDT 4000, BTC 0.12 = 6000, XRP 0.6 = 0.30: BTC is 10 pp over; the 0.30 USDT of XRP is dust.
        var plan = Plan(usdt: 4_000m, xrp: 0.6m, btc: 0.12m, new TargetAllocation(usdt: 0.5m, xrp: 0m, btc: 0.5m));

        plan.Orders.Select(o => (o.ClientOrderId, o.Volume)).ShouldBe([("c7-rebalance-BTC-USDT-sell", 0.019997m)]);
        plan.Notes.ShouldBe(["skipped SELL 0.6 XRP on XRP/USDT (0.30 USDT from XRP to USDT): below the minimum order 2 XRP"]);
    }

    [Fact]
    public void Run_OnlyDustTransfers_EmptyPlanSaysSo()
    {
        // 1 XRP (0.5 USDT) against a target of all USDT: 100 pp off, but 1 XRP is below the 2 XRP minimum.
        var plan = Plan(usdt: 0m, xrp: 1m, btc: 0m, new TargetAllocation(usdt: 1m, xrp: 0m, btc: 0m));

        plan.IsEmpty.ShouldBeTrue();
        plan.Reason.ShouldBe("USDT -100 pp, XRP +100 pp beyond the 5 pp threshold, but every transfer is below the minimum order size");
        plan.Notes.ShouldHaveSingleItem().ShouldContain("below the minimum order 2 XRP");
    }

    [Fact]
    public void Run_NoBalances_EmptyPlan()
    {
        var plan = Plan(usdt: 0m, xrp: 0m, btc: 0m);

        plan.IsEmpty.ShouldBeTrue();
        plan.Reason.ShouldBe("nothing to rebalance: the balances are worth 0.00 USDT");
    }

    [Fact]
    public void Run_SameInputTwice_SameOrders()
    {
        var first = Plan(usdt: 10_000m, xrp: 0m, btc: 0m);
        var second = Plan(usdt: 10_000m, xrp: 0m, btc: 0m);

        second.Orders.ShouldBe(first.Orders);
    }

    [Fact]
    public void TargetAllocation_WeightsNotSummingToOne_ThrowsWithTheSum() =>
        Should.Throw<ArgumentException>(() => new TargetAllocation(usdt: 0.5m, xrp: 0.3m, btc: 0.3m)).Message
            .ShouldStartWith("Target allocation weights must sum to 1 (within 0.0001): USDT 0.5 + XRP 0.3 + BTC 0.3 = 1.1.");

    [Fact]
    public void TargetAllocation_NegativeWeight_ThrowsNamingTheAsset() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new TargetAllocation(usdt: -0.1m, xrp: 0.6m, btc: 0.5m)).Message
            .ShouldStartWith("The target weight of USDT must be in [0, 1], got -0.1.");

    [Fact]
    public void TargetAllocation_WithinTolerance_Accepted() =>
        new TargetAllocation(usdt: 0.3333m, xrp: 0.3333m, btc: 0.3333m).Weight(Asset.BTC).ShouldBe(0.3333m);

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Run_ThresholdOutOfRange_Throws(int threshold) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Plan(10_000m, 0m, 0m, threshold: threshold)).Message
            .ShouldContain("drift threshold must be in (0, 100)");

    [Fact]
    public void Run_EmptyCycleId_Throws() =>
        Should.Throw<ArgumentException>(() => new RebalancingAgent().Run(new RebalanceInput(" ", Account(), Prices(), PairCatalog.Kraken, HalfUsdt)))
            .Message.ShouldContain("cycle id");
}
