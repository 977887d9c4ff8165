using TripleGain.Core.Agents;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class BaselineModelTests
{
    private static readonly int[] Votes = [-1, 0, 1];

    private static TradeDecision Decide(IndicatorValues h1, Position? position = null, BaselineSettings? settings = null, Pair? pair = null)
    {
        var snapshot = PairAt(pair ?? Pair.BtcUsdt, h1);
        var portfolio = position is null ? PortfolioOf() : PortfolioOf(position);
        return DecideNow(new BaselineModel(settings), Context(snapshot, portfolio)).ShouldHaveSingleItem();
    }

    private static IEnumerable<(int Ema, int Rsi, int Macd, int Adx)> AllVoteCombinations() =>
        from ema in Votes from rsi in Votes from macd in Votes from adx in Votes select (ema, rsi, macd, adx);

    [Theory]
    [InlineData(1, 1, 1, 1, TradeAction.Buy)]
    [InlineData(0, 1, 1, 1, TradeAction.Buy)]
    [InlineData(1, 0, 1, 1, TradeAction.Buy)]
    [InlineData(1, 1, 0, 1, TradeAction.Buy)]
    [InlineData(1, 1, 1, 0, TradeAction.Hold)] // net +3 but ADX 15 does not confirm a trend
    [InlineData(1, 1, -1, 1, TradeAction.Hold)] // net +2
    [InlineData(1, 1, 1, -1, TradeAction.Hold)] // net +2
    [InlineData(-1, -1, -1, -1, TradeAction.Sell)]
    [InlineData(-1, -1, 0, -1, TradeAction.Sell)]
    [InlineData(-1, -1, -1, 0, TradeAction.Hold)]
    [InlineData(0, 0, 0, 0, TradeAction.Hold)]
    public void DecideAsync_Flat_ActsOnConsensusOfThreeWithAdxConfirmation(int ema, int rsi, int macd, int adx, TradeAction expected) =>
        Decide(FromVotes(ema, rsi, macd, adx)).Action.ShouldBe(expected);

    [Fact]
    public void DecideAsync_FlatAllVoteCombinations_BuysOnlyOnTheFourConfirmedConsensuses()
    {
        var buys = AllVoteCombinations().Where(v => Decide(FromVotes(v.Ema, v.Rsi, v.Macd, v.Adx)).Action == TradeAction.Buy).ToList();
        var sells = AllVoteCombinations().Where(v => Decide(FromVotes(v.Ema, v.Rsi, v.Macd, v.Adx)).Action == TradeAction.Sell).ToList();

        buys.ShouldBe([(0, 1, 1, 1), (1, 0, 1, 1), (1, 1, 0, 1), (1, 1, 1, 1)], ignoreOrder: true);
        sells.ShouldBe([(0, -1, -1, -1), (-1, 0, -1, -1), (-1, -1, 0, -1), (-1, -1, -1, -1)], ignoreOrder: true);
    }

    [Theory]
    [InlineData(PositionSide.Long, -1, -1, 0, 0, TradeAction.Close)] // net -2
    [InlineData(PositionSide.Long, -1, 0, 0, 0, TradeAction.Hold)] // net -1
    [InlineData(PositionSide.Long, -1, -1, -1, -1, TradeAction.Close)] // full reversal closes, never sells into a long
    [InlineData(PositionSide.Short, 1, 1, 0, 0, TradeAction.Close)]
    [InlineData(PositionSide.Short, 1, 0, 0, 0, TradeAction.Hold)]
    [InlineData(PositionSide.Short, 1, 1, 1, 1, TradeAction.Close)]
    public void DecideAsync_OpenPosition_ClosesWhenTwoVotesTurnAgainstIt(PositionSide side, int ema, int rsi, int macd, int adx, TradeAction expected)
    {
        var position = side == PositionSide.Long ? Long(Pair.BtcUsdt) : Short(Pair.BtcUsdt);

        var decision = Decide(FromVotes(ema, rsi, macd, adx), position);

        decision.Action.ShouldBe(expected);
        if (expected == TradeAction.Close)
        {
            decision.Reasoning.ShouldStartWith($"Close {side.ToString().ToLowerInvariant()}");
            decision.StopLoss.ShouldBeNull();
        }
    }

    [Fact]
    public void DecideAsync_OpenPositionAllVoteCombinations_ClosesOnExactlyTheFifteenWithNetTwoAgainst()
    {
        // Sums of four votes in {-1,0,1}: 1 + 4 + 10 of the 81 combinations are <= -2.
        AllVoteCombinations().Count(v => Decide(FromVotes(v.Ema, v.Rsi, v.Macd, v.Adx), Long(Pair.BtcUsdt)).Action == TradeAction.Close).ShouldBe(15);
        AllVoteCombinations().Count(v => Decide(FromVotes(v.Ema, v.Rsi, v.Macd, v.Adx), Short(Pair.BtcUsdt)).Action == TradeAction.Close).ShouldBe(15);
        AllVoteCombinations().Count(v => Decide(FromVotes(v.Ema, v.Rsi, v.Macd, v.Adx), Long(Pair.BtcUsdt)).Action is TradeAction.Buy or TradeAction.Sell).ShouldBe(0);
    }

    [Fact]
    public void DecideAsync_AlreadyLongAndStillBullish_HoldsWithoutChurn()
    {
        var decision = Decide(Bullish(), Long(Pair.BtcUsdt));

        decision.Action.ShouldBe(TradeAction.Hold);
        decision.SizePct.ShouldBe(0m);
        decision.Reasoning.ShouldStartWith("Already long");
    }

    [Fact]
    public void DecideAsync_AlreadyShortAndStillBearish_HoldsWithoutChurn() =>
        Decide(Bearish(), Short(Pair.BtcUsdt)).Reasoning.ShouldStartWith("Already short");

    [Fact]
    public void DecideAsync_PositionInAnotherPair_DoesNotBlockThisPair() =>
        Decide(Bullish(), Long(Pair.XrpUsdt)).Action.ShouldBe(TradeAction.Buy);

    [Fact]
    public void DecideAsync_Buy_PutsStopTwoAtrBelowAndTargetThreeAtrAbove()
    {
        var decision = Decide(Bullish(atr: 2)); // price 105

        decision.Action.ShouldBe(TradeAction.Buy);
        decision.StopLoss.ShouldBe(101.0m);
        decision.TakeProfit.ShouldBe(111.0m);
        decision.Pair.ShouldBe(Pair.BtcUsdt);
        decision.ModelId.ShouldBe("baseline");
        decision.Timestamp.ShouldBe(Now);
    }

    [Fact]
    public void DecideAsync_Sell_PutsStopAboveAndTargetBelow()
    {
        var decision = Decide(Bearish(atr: 2)); // price 95

        decision.Action.ShouldBe(TradeAction.Sell);
        decision.StopLoss.ShouldBe(99.0m);
        decision.TakeProfit.ShouldBe(89.0m);
    }

    [Fact]
    public void DecideAsync_StopsAndTargets_AreRoundedToThePairTick()
    {
        var values = Bullish(atr: 0.0012345) with { Close = 0.52345, EmaFast = 0.52, EmaMid = 0.51, EmaSlow = 0.5 };

        var decision = Decide(values, pair: Pair.XrpUsdt);

        decision.Action.ShouldBe(TradeAction.Buy);
        decision.StopLoss.ShouldBe(0.52098m); // 0.52345 - 0.002469
        decision.TakeProfit.ShouldBe(0.52715m); // 0.52345 + 0.0037035
    }

    [Fact]
    public void DecideAsync_AtrBelowOneTick_KeepsStopAndTargetOneTickAway()
    {
        var buy = Decide(Bullish(atr: 1e-6));
        buy.StopLoss.ShouldBe(104.9m);
        buy.TakeProfit.ShouldBe(105.1m);

        var sell = Decide(Bearish(atr: 0));
        sell.StopLoss.ShouldBe(95.1m);
        sell.TakeProfit.ShouldBe(94.9m);
    }

    [Fact]
    public void DecideAsync_AtrLargerThanHalfThePrice_DropsTheImpossibleLongStop()
    {
        var decision = Decide(Bullish(atr: 60)); // 105 - 120 < 0

        decision.Action.ShouldBe(TradeAction.Buy);
        decision.StopLoss.ShouldBeNull();
        decision.TakeProfit.ShouldBe(285.0m);
    }

    [Theory]
    [InlineData(1, 1, 1, 1, 30.0, 0.9, 9.0)] // |4|/4 x (0.8 + 0.2 x 0.5)
    [InlineData(1, 1, 1, 1, 45.0, 1.0, 10.0)] // ADX strength capped at 1
    [InlineData(1, 1, 1, 1, 20.5, 0.805, 8.05)]
    [InlineData(0, 1, 1, 1, 30.0, 0.675, 6.75)] // |3|/4 x 0.9
    public void DecideAsync_Buy_ScalesConfidenceAndSizeByVoteAndAdx(int ema, int rsi, int macd, int adx, double adxValue, double confidence, double sizePct)
    {
        var decision = Decide(FromVotes(ema, rsi, macd, adx, adxValue));

        decision.Confidence.ShouldBe(confidence, 1e-12);
        decision.SizePct.ShouldBe((decimal)sizePct);
    }

    [Fact]
    public void DecideAsync_BaseSize_IsConfigurable() =>
        Decide(Bullish(adx: 40), settings: new BaselineSettings { BaseSizePct = 5m }).SizePct.ShouldBe(5m);

    [Fact]
    public void DecideAsync_ShortsDisabled_HoldsOnBearishConsensus()
    {
        var decision = Decide(Bearish(), settings: new BaselineSettings { AllowShorts = false });

        decision.Action.ShouldBe(TradeAction.Hold);
        decision.Reasoning.ShouldContain("shorts are disabled");
    }

    [Fact]
    public void DecideAsync_Buy_ReasoningNamesVotesValuesAndLevels() =>
        Decide(Bullish()).Reasoning.ShouldBe(
            "Bullish 1h consensus (EMA +1, RSI 60.0 +1, MACD hist 0.5 +1, ADX 30.0 +1: net +4); stop 101.0 (2 ATR), target 111.0 (3 ATR), ATR 2.0.");

    [Fact]
    public void DecideAsync_NoPrimaryTimeframe_HoldsWarmingUp()
    {
        var snapshot = PairAt(Pair.BtcUsdt, 105m, (Timeframe.M5, Bullish()), (Timeframe.H4, Bullish()));

        var decision = DecideNow(new BaselineModel(), Context(snapshot)).ShouldHaveSingleItem();

        decision.Action.ShouldBe(TradeAction.Hold);
        decision.Reasoning.ShouldBe("Warming up: no completed 1h candle yet.");
    }

    [Theory]
    [InlineData("EmaSlow")]
    [InlineData("Rsi")]
    [InlineData("MacdHistogram")]
    [InlineData("Adx")]
    [InlineData("Atr")]
    public void DecideAsync_IndicatorWarmingUp_HoldsWarmingUp(string missing)
    {
        var full = Bullish();
        var values = missing switch
        {
            "EmaSlow" => full with { EmaSlow = null },
            "Rsi" => full with { Rsi = null },
            "MacdHistogram" => full with { MacdHistogram = null },
            "Adx" => full with { Adx = null },
            _ => full with { Atr = null },
        };

        var decision = Decide(values);

        decision.Action.ShouldBe(TradeAction.Hold);
        decision.Reasoning.ShouldStartWith("Warming up");
    }

    [Fact]
    public void DecideAsync_PrimaryTimeframe_IsConfigurable()
    {
        var snapshot = PairAt(Pair.BtcUsdt, 105m, (Timeframe.H1, Bearish() with { Close = 105 }), (Timeframe.H4, Bullish()));
        var model = new BaselineModel(new BaselineSettings { PrimaryTimeframe = Timeframe.H4 });

        DecideNow(model, Context(snapshot)).ShouldHaveSingleItem().Action.ShouldBe(TradeAction.Buy);
    }

    [Fact]
    public void DecideAsync_SeveralPairs_OneDecisionPerPairInMarketOrder()
    {
        var pairs = new[]
        {
            PairAt(Pair.XrpBtc, FromVotes(0, 0, 0, 0)),
            PairAt(Pair.BtcUsdt, Bullish()),
            PairAt(Pair.XrpUsdt, Bearish()),
        };

        var decisions = DecideNow(new BaselineModel(), Context(pairs));

        decisions.Select(d => (d.Pair, d.Action)).ShouldBe([(Pair.XrpBtc, TradeAction.Hold), (Pair.BtcUsdt, TradeAction.Buy), (Pair.XrpUsdt, TradeAction.Sell)]);
    }

    [Fact]
    public void DecideAsync_SameContextTwice_GivesEqualDecisions()
    {
        var context = Context([PairAt(Pair.BtcUsdt, Bullish()), PairAt(Pair.XrpUsdt, Bearish()), PairAt(Pair.XrpBtc, FromVotes(1, -1, 0, 1))]);
        var model = new BaselineModel();

        var first = DecideNow(model, context);
        var second = DecideNow(new BaselineModel(), context);
        var third = DecideNow(model, context);

        second.ShouldBe(first);
        third.ShouldBe(first);
    }

    [Fact]
    public void DecideAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Should.Throw<OperationCanceledException>(() => new BaselineModel().DecideAsync(Context(PairAt(Pair.BtcUsdt, Bullish())), cancelled.Token));
    }

    [Theory]
    [InlineData(0, "BaseSizePct = 0")]
    [InlineData(101, "BaseSizePct = 101")]
    public void Constructor_BadBaseSize_ThrowsNamingSettingAndValue(int size, string expected) =>
        Should.Throw<ArgumentException>(() => new BaselineModel(new BaselineSettings { BaseSizePct = size })).Message.ShouldContain(expected);

    [Fact]
    public void Constructor_NonPositiveStopMultiple_Throws() =>
        Should.Throw<ArgumentException>(() => new BaselineModel(new BaselineSettings { StopAtrMultiple = 0 })).Message.ShouldContain("StopAtrMultiple = 0");

    [Fact]
    public void Id_IsBaseline() => new BaselineModel().Id.ShouldBe("baseline");
}
