using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class BuyAndHoldModelTests
{
    private static PairSnapshot[] ThreePairs() =>
    [
        PairAt(Pair.BtcUsdt, 60_000m),
        PairAt(Pair.XrpUsdt, 0.5m),
        PairAt(Pair.XrpBtc, 0.0000083m),
    ];

    [Fact]
    public void DecideAsync_FirstDecision_SplitsNinetyPercentAcrossUsdtPairsAndHoldsTheCross()
    {
        var decisions = DecideNow(new BuyAndHoldModel(), Context(ThreePairs()));

        decisions.Select(d => (d.Pair, d.Action, d.SizePct)).ShouldBe(
        [
            (Pair.BtcUsdt, TradeAction.Buy, 45m),
            (Pair.XrpUsdt, TradeAction.Buy, 45m),
            (Pair.XrpBtc, TradeAction.Hold, 0m),
        ]);
        var buy = decisions[0];
        buy.Confidence.ShouldBe(1d);
        buy.StopLoss.ShouldBeNull();
        buy.TakeProfit.ShouldBeNull();
        buy.ModelId.ShouldBe("buy-and-hold");
        buy.Timestamp.ShouldBe(Now);
        buy.Reasoning.ShouldBe("Buy and hold: initial allocation of 45% of equity to BTC/USDT, held without stop.");
    }

    [Fact]
    public void DecideAsync_LaterDecisions_HoldForever()
    {
        var model = new BuyAndHoldModel();
        DecideNow(model, Context(ThreePairs()));

        for (var cycle = 0; cycle < 3; cycle++)
        {
            DecideNow(model, Context(ThreePairs())).ShouldAllBe(d => d.Action == TradeAction.Hold && d.SizePct == 0m);
        }
    }

    [Fact]
    public void DecideAsync_ExistingLongAfterRestart_HoldsThatPairAndBuysTheOther()
    {
        var decisions = DecideNow(new BuyAndHoldModel(), Context(ThreePairs(), PortfolioOf(Long(Pair.BtcUsdt, 60_000m))));

        decisions[0].Action.ShouldBe(TradeAction.Hold);
        decisions[0].Reasoning.ShouldContain("holding the long BTC/USDT position");
        decisions[1].Action.ShouldBe(TradeAction.Buy);
    }

    [Fact]
    public void DecideAsync_ExistingShort_IsNotAHoldingAndStillBuys() =>
        DecideNow(new BuyAndHoldModel(), Context(ThreePairs(), PortfolioOf(Short(Pair.BtcUsdt))))[0].Action.ShouldBe(TradeAction.Buy);

    [Fact]
    public void DecideAsync_OwnBuyInRecentDecisions_Holds()
    {
        var earlier = new TradeDecision("buy-and-hold", Pair.XrpUsdt, TradeAction.Buy, 45m, 1, null, null, "", Now.AddHours(-1));
        var otherModel = earlier with { ModelId = "baseline", Pair = Pair.BtcUsdt };

        var decisions = DecideNow(new BuyAndHoldModel(), Context(ThreePairs(), recent: [earlier, otherModel]));

        decisions[0].Action.ShouldBe(TradeAction.Buy);
        decisions[1].Action.ShouldBe(TradeAction.Hold);
    }

    [Fact]
    public void DecideAsync_PairAppearingLater_IsBoughtOnItsFirstDecision()
    {
        var model = new BuyAndHoldModel();
        DecideNow(model, Context([PairAt(Pair.BtcUsdt, 60_000m)])).ShouldHaveSingleItem().SizePct.ShouldBe(90m);

        var decisions = DecideNow(model, Context(ThreePairs()));

        decisions.Select(d => d.Action).ShouldBe([TradeAction.Hold, TradeAction.Buy, TradeAction.Hold]);
        decisions[1].SizePct.ShouldBe(45m);
    }

    [Fact]
    public void DecideAsync_ExplicitAllocations_BuyExactlyThose()
    {
        var model = new BuyAndHoldModel(new BuyAndHoldSettings
        {
            Allocations = new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = 60m, [Pair.XrpBtc] = 20m },
        });

        DecideNow(model, Context(ThreePairs())).Select(d => (d.Action, d.SizePct)).ShouldBe(
            [(TradeAction.Buy, 60m), (TradeAction.Hold, 0m), (TradeAction.Buy, 20m)]);
    }

    [Theory]
    [InlineData(50.0, 25.0)]
    [InlineData(33.33, 16.66)] // 16.665 rounds down: never more than configured
    public void DecideAsync_TotalAllocation_IsSplitAndRoundedDownToHundredths(double total, double each) =>
        DecideNow(new BuyAndHoldModel(new BuyAndHoldSettings { TotalAllocationPct = (decimal)total }), Context(ThreePairs()))
            .Select(d => d.SizePct).ShouldBe([(decimal)each, (decimal)each, 0m]);

    [Fact]
    public void DecideAsync_TwoInstancesSameContext_DecideTheSame()
    {
        var context = Context(ThreePairs());

        DecideNow(new BuyAndHoldModel(), context).ShouldBe(DecideNow(new BuyAndHoldModel(), context));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    public void Constructor_BadTotalAllocation_ThrowsNamingTheValue(double total) =>
        Should.Throw<ArgumentException>(() => new BuyAndHoldModel(new BuyAndHoldSettings { TotalAllocationPct = (decimal)total }))
            .Message.ShouldContain($"TotalAllocationPct = {(decimal)total}");

    [Fact]
    public void Constructor_AllocationsOverOneHundredPercent_Throws() =>
        Should.Throw<ArgumentException>(() => new BuyAndHoldModel(new BuyAndHoldSettings
        {
            Allocations = new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = 60m, [Pair.XrpUsdt] = 50m },
        })).Message.ShouldContain("add up to 110%");

    [Fact]
    public void Constructor_NegativeAllocation_ThrowsNamingThePair() =>
        Should.Throw<ArgumentException>(() => new BuyAndHoldModel(new BuyAndHoldSettings
        {
            Allocations = new Dictionary<Pair, decimal> { [Pair.XrpUsdt] = -5m },
        })).Message.ShouldContain("Allocations[XRP/USDT] = -5");

    [Fact]
    public void Id_IsBuyAndHold() => new BuyAndHoldModel().Id.ShouldBe("buy-and-hold");
}
