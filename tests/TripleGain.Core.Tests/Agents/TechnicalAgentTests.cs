using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class TechnicalAgentTests
{
    private static TechnicalInput Input() => new(Now,
    [
        new PairIndicators(Pair.BtcUsdt, Now.AddMinutes(-1), 105m,
            [new TimeframeIndicators(Timeframe.M5, Bearish()), new TimeframeIndicators(Timeframe.H1, Bullish(atr: 0.5))]),
        new PairIndicators(Pair.XrpUsdt, Now.AddMinutes(-1), 0.5m, [new TimeframeIndicators(Timeframe.H1, Values())]),
        new PairIndicators(Pair.XrpBtc, Now.AddMinutes(-1), 0.00001m, []),
    ]);

    [Fact]
    public void Run_Input_KeepsPairsTimeframesPricesAndValuesInOrder()
    {
        var input = Input();

        var snapshot = new TechnicalAgent().Run(input);

        snapshot.Timestamp.ShouldBe(Now);
        snapshot.Pairs.Select(p => p.Pair).ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt, Pair.XrpBtc]);
        var btc = snapshot[Pair.BtcUsdt].ShouldNotBeNull();
        btc.LastPrice.ShouldBe(105m);
        btc.Timestamp.ShouldBe(Now.AddMinutes(-1));
        btc.Timeframes.Select(t => t.Timeframe).ShouldBe([Timeframe.M5, Timeframe.H1]);
        btc[Timeframe.H1].ShouldNotBeNull().Indicators.ShouldBeSameAs(input.Pairs[0].Timeframes[1].Values);
        snapshot[Pair.XrpBtc].ShouldNotBeNull().Timeframes.ShouldBeEmpty();
    }

    [Fact]
    public void Run_Input_DerivesSignalsPerTimeframe()
    {
        var snapshot = new TechnicalAgent().Run(Input());

        var btc = snapshot[Pair.BtcUsdt].ShouldNotBeNull();
        btc[Timeframe.H1].ShouldNotBeNull().Signals.ShouldBe(new TechnicalSignals(Trend.StrongUp, Momentum.Bullish, VolatilityRegime.Normal));
        btc[Timeframe.M5].ShouldNotBeNull().Signals.ShouldBe(new TechnicalSignals(Trend.StrongDown, Momentum.Bearish, VolatilityRegime.Extreme));
        snapshot[Pair.XrpUsdt].ShouldNotBeNull()[Timeframe.H1].ShouldNotBeNull().Signals
            .ShouldBe(new TechnicalSignals(Trend.Unknown, Momentum.Unknown, VolatilityRegime.Unknown));
    }

    [Fact]
    public void Run_SameInputTwice_GivesEqualSnapshots()
    {
        var agent = new TechnicalAgent();
        var input = Input();

        var first = agent.Run(input);
        var second = agent.Run(input);

        second.Pairs.Count.ShouldBe(first.Pairs.Count);
        for (var i = 0; i < first.Pairs.Count; i++)
        {
            second.Pairs[i].Timeframes.ShouldBe(first.Pairs[i].Timeframes);
            (second.Pairs[i] with { Timeframes = first.Pairs[i].Timeframes }).ShouldBe(first.Pairs[i]);
        }
    }

    [Fact]
    public void Run_DuplicatePair_ThrowsNamingThePair()
    {
        var input = new TechnicalInput(Now, [new PairIndicators(Pair.BtcUsdt, Now, 1m, []), new PairIndicators(Pair.BtcUsdt, Now, 1m, [])]);

        Should.Throw<ArgumentException>(() => new TechnicalAgent().Run(input)).Message.ShouldContain("BTC/USDT twice");
    }

    [Fact]
    public void Run_DuplicateTimeframe_ThrowsNamingTheTimeframe()
    {
        var input = new TechnicalInput(Now,
            [new PairIndicators(Pair.BtcUsdt, Now, 1m, [new TimeframeIndicators(Timeframe.H1, Values()), new TimeframeIndicators(Timeframe.H1, Values())])]);

        Should.Throw<ArgumentException>(() => new TechnicalAgent().Run(input)).Message.ShouldContain("1h twice");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Run_NonPositivePrice_ThrowsWithThePrice(int price)
    {
        var input = new TechnicalInput(Now, [new PairIndicators(Pair.XrpUsdt, Now, price, [])]);

        Should.Throw<ArgumentException>(() => new TechnicalAgent().Run(input)).Message.ShouldContain($"XRP/USDT has last price {price}");
    }

    [Fact]
    public void Run_NoPairs_GivesEmptySnapshot() =>
        new TechnicalAgent().Run(new TechnicalInput(Now, [])).Pairs.ShouldBeEmpty();

    [Fact]
    public void Name_IsTechnical() => new TechnicalAgent().Name.ShouldBe("technical");
}
