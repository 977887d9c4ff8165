using System.Globalization;
using TripleGain.Core.Metrics;
using static TripleGain.Core.Tests.Metrics.TestTrades;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>
/// freqtrade's trade-based cases (reference_metrics.json, section "freqtrade"): expectancy and its ratio, profit factor
/// and win/loss counts of a 179-trade backtest, absolute versus relative max drawdown, and CAGR.
/// </summary>
public class FreqtradeReferenceTests
{
    private static readonly DateTime Day0 = new(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Compute_FreqtradeExpectancyTrades_MatchesExpectancyAndRatio()
    {
        var section = MetricsReference.Freqtrade.GetProperty("expectancy_small");
        var pnl = section.GetProperty("profit_abs").EnumerateArray().Select(MetricsReference.Decimal).ToArray();
        var trades = pnl.Select((p, i) => Trade(p, Day0.AddHours(i), Day0.AddHours(i + 1))).ToArray();

        var report = PerformanceReport.Compute(Curve(Day0, 10_000m, Day0.AddHours(pnl.Length), 10_000m + pnl.Sum()), trades);

        var expected = section.GetProperty("expected");
        report.ExpectancyUsd.ShouldBe(MetricsReference.Decimal(expected.GetProperty("expectancy")));
        report.ExpectancyRatio.ShouldNotBeNull().ShouldBe(expected.GetProperty("expectancy_ratio").GetDouble(), 5e-9);
        var derived = section.GetProperty("derived_not_asserted");
        report.WinRate.ShouldBe(derived.GetProperty("win_rate").GetDouble());
        report.ProfitFactor.ShouldNotBeNull().ShouldBe(derived.GetProperty("profit_factor").GetDouble(), 1e-15);
        report.ProfitFactorUnbounded.ShouldBeFalse();
        report.TradeCount.ShouldBe(8);
        (report.WinningTrades, report.LosingTrades).ShouldBe((5, 3));
    }

    [Fact]
    public void Compute_FreqtradeBacktestResult_MatchesProfitFactorAndCounts()
    {
        var section = MetricsReference.Freqtrade.GetProperty("profit_factor_backtest");
        var trades = section.GetProperty("trades").EnumerateArray().Select(t => Trade(
            MetricsReference.Decimal(t.GetProperty("profit_abs")),
            Utc(t.GetProperty("open_date").GetString()!),
            Utc(t.GetProperty("close_date").GetString()!))).ToArray();
        var expected = section.GetProperty("expected");
        var start = trades.Min(t => t.EntryTime);
        var end = trades.Max(t => t.ExitTime);

        var report = PerformanceReport.Compute(
            Curve(start, MetricsReference.Decimal(expected.GetProperty("starting_balance")), end, MetricsReference.Decimal(expected.GetProperty("final_balance"))),
            trades);

        report.TradeCount.ShouldBe(section.GetProperty("n_trades").GetInt32());
        var profitFactor = expected.GetProperty("profit_factor").GetDouble();
        report.ProfitFactor.ShouldNotBeNull().ShouldBe(profitFactor, profitFactor * 1e-12);
        ((double)report.NetProfitUsd).ShouldBe(expected.GetProperty("profit_total_abs").GetDouble(), 1e-15);
        // Our basis is the PnL net of fees (freqtrade's profit_abs): 170 wins, 9 losses, no draws. freqtrade's own
        // summary counts on profit_ratio (48 / 9 / 122), because many ROI exits have ratio 0.0 but a tiny profit.
        (report.WinningTrades, report.LosingTrades).ShouldBe((170, 9));
        report.WinRate.ShouldBe(170.0 / 179);
    }

    [Theory]
    [InlineData(0, DrawdownMeasure.Absolute)]
    [InlineData(1, DrawdownMeasure.Relative)]
    public void Max_FreqtradeAbsoluteVersusRelativeCase_MatchesAmountDepthAndDays(int caseIndex, DrawdownMeasure measure)
    {
        var section = MetricsReference.Freqtrade.GetProperty("max_drawdown_abs_cases")[caseIndex];
        section.GetProperty("relative").GetBoolean().ShouldBe(measure == DrawdownMeasure.Relative);
        var curve = BalanceByDay(
            MetricsReference.Decimal(section.GetProperty("starting_balance")),
            section.GetProperty("profit_abs_by_day_from_2020-01-01").EnumerateArray().Select(MetricsReference.Decimal),
            includeStart: false);

        var drawdown = Drawdowns.Max(curve, measure).ShouldNotBeNull();

        var expected = section.GetProperty("expected");
        drawdown.AmountUsd.ShouldBe(MetricsReference.Decimal(expected.GetProperty("drawdown_abs")));
        drawdown.Depth.ShouldBe(expected.GetProperty("relative_account_drawdown").GetDouble(), 5e-7);
        drawdown.PeakTime.ShouldBe(Day0.AddDays(expected.GetProperty("high_day_index").GetInt32()));
        drawdown.TroughTime.ShouldBe(Day0.AddDays(expected.GetProperty("low_day_index").GetInt32()));
    }

    [Fact]
    public void Max_FreqtradeDrawdown2_MatchesAbsoluteDrawdownAndItsDepth()
    {
        var section = MetricsReference.Freqtrade.GetProperty("max_drawdown2");
        var curve = BalanceByDay(
            MetricsReference.Decimal(section.GetProperty("starting_balance")),
            section.GetProperty("profit_by_day_from_2020-01-01").EnumerateArray().Select(MetricsReference.Decimal),
            includeStart: true);

        var absolute = Drawdowns.Max(curve, DrawdownMeasure.Absolute).ShouldNotBeNull();
        var relative = Drawdowns.Max(curve, DrawdownMeasure.Relative).ShouldNotBeNull();

        var expected = section.GetProperty("expected");
        absolute.AmountUsd.ShouldBe(MetricsReference.Decimal(expected.GetProperty("drawdown_abs")));
        absolute.Depth.ShouldBe(expected.GetProperty("relative_account_drawdown").GetDouble(), 1e-8); // given truncated to 8 decimals
        relative.ShouldBe(absolute); // in this series the largest fall in value is also the deepest in percent
    }

    [Fact]
    public void Max_FreqtradeFirstFiveNegated_MatchesWhenStartingBalanceIsNotAPeak()
    {
        // freqtrade (at the referenced commit) takes the running peak over the trades' cumulative profit only, so the
        // starting balance is not a peak: 0.043965 = the fall from the first close. Our convention counts the
        // starting equity as the first peak; with it the same losses are a 0.055545 drawdown.
        var section = MetricsReference.Freqtrade.GetProperty("max_drawdown2");
        var start = MetricsReference.Decimal(section.GetProperty("starting_balance"));
        var negated = section.GetProperty("also").GetProperty("first_five_negated");
        var profits = negated.GetProperty("profit").EnumerateArray().Select(MetricsReference.Decimal).ToArray();

        var freqtradeStyle = Drawdowns.Max(BalanceByDay(start, profits, includeStart: false), DrawdownMeasure.Absolute).ShouldNotBeNull();
        var ours = Drawdowns.Max(BalanceByDay(start, profits, includeStart: true), DrawdownMeasure.Absolute).ShouldNotBeNull();

        freqtradeStyle.AmountUsd.ShouldBe(MetricsReference.Decimal(negated.GetProperty("expected_drawdown_abs")));
        ours.AmountUsd.ShouldBe(-profits.Sum());
        ours.PeakEquity.ShouldBe(start);
    }

    [Fact]
    public void Cagr_FreqtradeCases_MatchToFourDecimals()
    {
        var cases = MetricsReference.Freqtrade.GetProperty("cagr_cases").EnumerateArray().ToArray();
        cases.Length.ShouldBe(6);
        foreach (var c in cases)
        {
            var cagr = Returns.Cagr(c.GetProperty("start").GetDouble(), c.GetProperty("end").GetDouble(), c.GetProperty("days").GetDouble(), 365);
            Math.Round(cagr, 4).ShouldBe(c.GetProperty("expected_round4").GetDouble(), 1e-12, c.ToString());
        }
    }

    private static EquityPoint[] Curve(DateTime start, decimal startEquity, DateTime end, decimal endEquity) =>
        [new(start, startEquity), new(end, endEquity)];

    /// <summary>Balance = start + cumulative profit at each day from 2020-01-01; optionally the start itself the day before.</summary>
    private static List<EquityPoint> BalanceByDay(decimal start, IEnumerable<decimal> profits, bool includeStart)
    {
        var curve = includeStart ? new List<EquityPoint> { new(Day0.AddDays(-1), start) } : [];
        var balance = start;
        var day = 0;
        foreach (var profit in profits)
        {
            balance += profit;
            curve.Add(new EquityPoint(Day0.AddDays(day++), balance));
        }

        return curve;
    }

    private static DateTime Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;
}
