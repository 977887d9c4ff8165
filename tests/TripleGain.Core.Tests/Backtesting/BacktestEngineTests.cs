using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Tests.Backtesting.BacktestScenario;

namespace TripleGain.Core.Tests.Backtesting;

public class BacktestEngineTests
{
    private const decimal Tolerance = 0.000000001m;

    [Fact]
    public async Task RunAsync_TwentyDaySim_TradesAndAnEquityCurveFromStartToEnd()
    {
        var result = await TwentyDayBaselineAsync();

        result.CandleCount.ShouldBe(20 * 1440 * 3);
        result.Trades.Count.ShouldBeGreaterThan(5);
        result.Fills.Count.ShouldBeGreaterThanOrEqualTo(result.Trades.Count);
        result.DecisionCycles.ShouldBe((20 * 1440 / 5) - 1); // every 5 minutes, none at the end of the data
        result.DecisionsByAction.Values.Sum().ShouldBe(result.DecisionCycles * 2);
        result.Timeframes.ShouldBe([Timeframe.H1]);

        var equity = result.Equity;
        equity[0].Timestamp.ShouldBe(Start.AddMinutes(1));
        equity[0].Equity.ShouldBe(1000m);
        equity[^1].Timestamp.ShouldBe(Start.AddDays(20));
        equity.Count.ShouldBe((20 * 24) + 1); // the first mark, then every hour up to and including the end
        for (var i = 1; i < equity.Count; i++)
        {
            equity[i].Timestamp.Minute.ShouldBe(0);
            (equity[i].Timestamp - equity[i - 1].Timestamp).ShouldBeLessThanOrEqualTo(TimeSpan.FromHours(1));
        }

        result.Report.StartEquity.ShouldBe(equity[0].Equity);
        result.Report.EndEquity.ShouldBe(result.FinalEquity);
        result.Report.TradeCount.ShouldBe(result.Trades.Count);
    }

    [Fact]
    public async Task RunAsync_TwentyDaySim_FinalEquityIsTheAccountAtTheLastCloses()
    {
        var result = await TwentyDayBaselineAsync();
        var end = Start.AddDays(20);
        var source = Sim();
        var closes = Pair.All.ToDictionary(p => p, p => source.GetCandles(p, end.AddMinutes(-1), end).Single().Close);

        var portfolio = result.FinalPortfolio;
        var expected = 0m;
        foreach (var (asset, amount) in portfolio.Balances)
        {
            expected += amount * Valuation.UsdRate(asset, closes);
        }

        foreach (var position in portfolio.Positions.Where(p => p.Leverage > 1m))
        {
            var direction = position.Side == PositionSide.Long ? 1m : -1m;
            expected += direction * (closes[position.Pair] - position.EntryPrice) * position.Volume * Valuation.UsdRate(position.Pair.Quote, closes);
        }

        result.FinalEquity.ShouldBe(expected, Tolerance);
        result.Equity[^1].Equity.ShouldBe(result.FinalEquity);
    }

    /// <summary>
    /// USDT-quoted pairs from a USDT-only account: (1) the closed trades' P&amp;L plus their fees is the account's realized
    /// P&amp;L (gross of fees); (2) equity change = realized P&amp;L - all fees paid + unrealized P&amp;L of the open positions.
    /// </summary>
    [Fact]
    public async Task RunAsync_TwentyDaySim_TradePnlFeesAndOpenPnlReconcileWithEquityChange()
    {
        var result = await TwentyDayBaselineAsync();
        var portfolio = result.FinalPortfolio;

        result.Trades.Sum(t => t.PnlUsd + t.FeesUsd).ShouldBe(portfolio.RealizedPnlUsd, Tolerance);
        (result.FinalEquity - 1000m).ShouldBe(portfolio.RealizedPnlUsd - portfolio.FeesPaidUsd + portfolio.UnrealizedPnlUsd, Tolerance);
        result.Trades.Sum(t => t.FeesUsd).ShouldBeLessThanOrEqualTo(portfolio.FeesPaidUsd);
        portfolio.FeesPaidUsd.ShouldBe(result.Fills.Sum(f => f.Fee * f.QuoteUsdRate), Tolerance);
    }

    [Fact]
    public async Task RunAsync_TwentyDaySim_TradesAreRoundTripsOfTheFills()
    {
        var result = await TwentyDayBaselineAsync();

        foreach (var trade in result.Trades)
        {
            trade.ExitTime.ShouldBeGreaterThanOrEqualTo(trade.EntryTime);
            trade.Volume.ShouldBeGreaterThan(0m);
            result.Fills.ShouldContain(f => f.Pair == trade.Pair && f.Timestamp == trade.ExitTime && f.Price == trade.ExitPrice);
            result.Fills.ShouldContain(f => f.Pair == trade.Pair && f.Timestamp == trade.EntryTime);
        }

        for (var i = 1; i < result.Fills.Count; i++)
        {
            result.Fills[i].Timestamp.ShouldBeGreaterThanOrEqualTo(result.Fills[i - 1].Timestamp);
        }
    }

    [Fact]
    public async Task RunAsync_SameInputsTwice_IdenticalResults()
    {
        var options = new BacktestOptions { From = Start, To = Start.AddDays(8) };

        var first = await RunAsync(Sim(7), new BaselineModel(), options);
        var second = await RunAsync(Sim(7), new BaselineModel(), options);

        first.Fills.Count.ShouldBeGreaterThan(0);
        second.Equity.ShouldBe(first.Equity);
        second.Trades.ShouldBe(first.Trades);
        second.Fills.ShouldBe(first.Fills);
        second.DecisionsByAction.ShouldBe(first.DecisionsByAction);
        second.RejectionsByRule.ShouldBe(first.RejectionsByRule);
        second.DroppedByRule.ShouldBe(first.DroppedByRule);
        second.FinalPortfolio.Balances.ShouldBe(first.FinalPortfolio.Balances);
        second.Report.ShouldBe(first.Report);
        BitConverter.DoubleToInt64Bits(second.Report.Sharpe ?? double.NaN).ShouldBe(BitConverter.DoubleToInt64Bits(first.Report.Sharpe ?? double.NaN));
    }

    [Fact]
    public async Task RunAsync_BuyAndHold_FinalEquityIsTheHandComputation()
    {
        // BTC/USDT rises 10 USDT a minute from 50,000: the default 2% stop is never reached.
        var candles = new List<Candle>();
        var price = 50_000m;
        for (var minute = 0; minute < 600; minute++)
        {
            candles.Add(new Candle(Start.AddMinutes(minute), price, price + 12m, price - 2m, price + 10m, 1m));
            price += 10m;
        }

        var source = new MemoryCandleSource(new Dictionary<Pair, IReadOnlyList<Candle>> { [Pair.BtcUsdt] = candles });
        var result = await RunAsync(source, new BuyAndHoldModel(), UsdtOnly(Start, Start.AddMinutes(600)));

        // The first decision is at 00:05 on the close of the 00:04 candle (50,050): 90% of 1,000 USDT is asked, the
        // risk agent's max_position_pct (25% of equity) cuts it to 250 USDT. The market order fills at the open of the
        // 00:05 candle plus 5 bps of slippage rounded up to the 0.1 tick, and pays the 0.40% taker fee.
        var volume = decimal.Floor(250m / 50_050m * 100_000_000m) / 100_000_000m;
        var fillPrice = decimal.Ceiling(50_050m * 1.0005m / 0.1m) * 0.1m;
        var fee = volume * fillPrice * 0.004m;
        var lastClose = candles[^1].Close;
        var expected = 1000m - (volume * fillPrice) - fee + (volume * lastClose);

        var fill = result.Fills.ShouldHaveSingleItem();
        fill.Timestamp.ShouldBe(Start.AddMinutes(5));
        fill.Volume.ShouldBe(volume);
        fill.Price.ShouldBe(fillPrice);
        fill.Fee.ShouldBe(fee);
        result.FinalEquity.ShouldBe(expected);
        result.Equity[^1].Equity.ShouldBe(expected);
        result.Trades.ShouldBeEmpty();
        result.FinalPortfolio.Positions.ShouldHaveSingleItem().StopLoss.ShouldBe(decimal.Floor(50_050m * 0.98m / 0.1m) * 0.1m);
        result.DecisionsByAction[TradeAction.Buy].ShouldBe(1);
    }

    [Fact]
    public async Task RunAsync_CapitalOnlyInUsdtAndOnePair_TracksOnlyThatPair()
    {
        var result = await RunAsync(Sim(), new BaselineModel(), UsdtOnly(Start, Start.AddDays(3)) with { Pairs = [Pair.XrpUsdt] });

        result.Pairs.ShouldBe([Pair.XrpUsdt]);
        result.Fills.ShouldAllBe(f => f.Pair == Pair.XrpUsdt);
        result.DecisionsByAction.Values.Sum().ShouldBe(result.DecisionCycles);
        result.CandleCount.ShouldBe(3 * 1440 * 3); // the source's other pairs still price the account
    }

    [Fact]
    public async Task RunAsync_DecisionIntervalOfAnHour_DecidesOnTheHour()
    {
        var model = new RecordingModel(new BaselineModel());
        var options = new BacktestOptions { From = Start.AddMinutes(17), To = Start.AddDays(1), DecisionInterval = TimeSpan.FromHours(1) };

        var result = await RunAsync(Sim(), model, options);

        model.Contexts.Select(c => c.Timestamp).ShouldBe(Enumerable.Range(1, 23).Select(h => Start.AddHours(h)));
        result.DecisionCycles.ShouldBe(23);
    }

    [Fact]
    public async Task RunAsync_HourlyCandles_TheClockIsTheBarCloseAndOrdersFillAtTheNextBar()
    {
        var hourly = Sim().GetCandles(Pair.BtcUsdt, Start, Start.AddDays(12)).ToList().Aggregate(Timeframe.H1);
        var source = new MemoryCandleSource(new Dictionary<Pair, IReadOnlyList<Candle>> { [Pair.BtcUsdt] = hourly });
        var model = new RecordingModel(new BaselineModel());

        var result = await RunAsync(source, model, UsdtOnly(Start, Start.AddDays(12)));

        result.CandleCount.ShouldBe(12 * 24);
        model.Contexts.Select(c => c.Timestamp).ShouldBe(Enumerable.Range(1, (12 * 24) - 1).Select(h => Start.AddHours(h)));
        model.Contexts.ShouldAllBe(c => c.Market.Pairs[0].Timestamp == c.Timestamp.AddHours(-1));
        result.Equity[0].Timestamp.ShouldBe(Start.AddHours(1));
        result.Equity[^1].Timestamp.ShouldBe(Start.AddDays(12));
        result.Fills.ShouldNotBeEmpty();
        result.Fills.ShouldAllBe(f => f.Timestamp.Minute == 0);
    }

    [Fact]
    public async Task RunAsync_NoCandlesInRange_ThrowsNamingTheRange()
    {
        var candles = new List<Candle> { new(Start, 1m, 1m, 1m, 1m, 1m) };
        var source = new MemoryCandleSource(new Dictionary<Pair, IReadOnlyList<Candle>> { [Pair.XrpUsdt] = candles });

        var ex = await Should.ThrowAsync<InvalidOperationException>(() => RunAsync(source, new BaselineModel(), UsdtOnly(Start.AddDays(1), Start.AddDays(2))));

        ex.Message.ShouldContain("no candles from 2025-01-02T00:00Z to 2025-01-03T00:00Z");
    }

    [Fact]
    public void Constructor_PairNotInTheSource_ThrowsNamingThePair()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Start = Start }, [Pair.BtcUsdt]);

        var ex = Should.Throw<ArgumentException>(() => new BacktestEngine(source, new BaselineModel(), UsdtOnly(Start, Start.AddDays(1)) with { Pairs = [Pair.XrpUsdt] }));

        ex.Message.ShouldContain("Pair XRP/USDT is not in the candle source, which serves BTC/USDT");
    }

    [Fact]
    public void Constructor_XrpHeldButSourceCannotValueIt_Throws()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Start = Start }, [Pair.BtcUsdt]);

        var ex = Should.Throw<ArgumentException>(() => new BacktestEngine(source, new BaselineModel(), new BacktestOptions { From = Start, To = Start.AddDays(1) }));

        ex.Message.ShouldContain("would hold XRP but the candle source (BTC/USDT) cannot value it");
    }

    [Theory]
    [InlineData(0, 60, 300, "must be after its start")]
    [InlineData(1, 60, 90, "DecisionInterval = 90 s must be a whole multiple of the cycle interval (60 s)")]
    [InlineData(1, 0, 300, "CycleInterval")]
    public void Constructor_BadOptions_ThrowsNamingTheSetting(int days, int cycleSeconds, int decisionSeconds, string fragment)
    {
        var options = new BacktestOptions
        {
            From = Start,
            To = Start.AddDays(days),
            CycleInterval = TimeSpan.FromSeconds(cycleSeconds),
            DecisionInterval = TimeSpan.FromSeconds(decisionSeconds),
        };

        Should.Throw<ArgumentException>(() => new BacktestEngine(Sim(), new BaselineModel(), options)).Message.ShouldContain(fragment);
    }

    [Fact]
    public void TimeframesFor_Models_OnlyWhatTheyRead()
    {
        BacktestOptions.TimeframesFor(new BaselineModel()).ShouldBe([Timeframe.H1]);
        BacktestOptions.TimeframesFor(new BaselineModel(new BaselineSettings { PrimaryTimeframe = Timeframe.M15 })).ShouldBe([Timeframe.M15]);
        BacktestOptions.TimeframesFor(new BuyAndHoldModel()).ShouldBe([Timeframe.D1]);
        BacktestOptions.TimeframesFor(new RecordingModel(new BaselineModel())).Count.ShouldBe(6);
    }
}
