using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

/// <summary>Tracker -> TechnicalAgent -> baseline on real indicator values (runs the real IndicatorSetStream).</summary>
public class TechnicalPipelineTests
{
    [Fact]
    public void Run_FourDaysOfSteadyRise_ReportsStrongUptrendPastWarmUp()
    {
        var start = new DateTime(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var market = new MarketTracker([Pair.BtcUsdt], new TrackerSettings { Timeframes = [Timeframe.M15, Timeframe.H1] });
        for (var minute = 0; minute < 4 * 1440; minute++)
        {
            var open = 50_000m + (minute * 2m);
            market.Add(Pair.BtcUsdt, new Candle(start.AddMinutes(minute), open, open + 3m, open - 1m, open + 2m, 1m + (minute % 5)));
        }

        var now = start.AddDays(4);
        var snapshot = new TechnicalAgent().Run(market.ToInput(now));
        var decision = DecideNow(new BaselineModel(), new DecisionContext(now, snapshot, PortfolioOf(), TradingConstraints.Default, []))
            .ShouldHaveSingleItem();

        var h1 = snapshot[Pair.BtcUsdt].ShouldNotBeNull()[Timeframe.H1].ShouldNotBeNull();
        h1.Indicators.Timestamp.ShouldBe(now.AddHours(-1));
        h1.Signals.Trend.ShouldBe(Trend.StrongUp);
        h1.Signals.Momentum.ShouldBe(Momentum.Overbought); // no down bar at all: RSI 100
        h1.Signals.Volatility.ShouldNotBe(VolatilityRegime.Unknown);
        decision.Reasoning.ShouldNotStartWith("Warming up");
        decision.Action.ShouldNotBe(TradeAction.Sell);
    }
}
