using TripleGain.Core.Metrics;
using static TripleGain.Core.Tests.Metrics.TestTrades;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>Hand-computed series (expected values worked out independently in Python, see each test).</summary>
public class PerformanceReportTests
{
    private static readonly DateTime March1 = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Five UTC days, several points a day, one day without points. Daily closes 1050, 1200, 1140, (1140), 1254 from a
    /// start of 1000: returns 0.05, 1/7, -0.05, 0, 0.1. Intraday the equity rose to 1100 and fell to 900.
    /// </summary>
    private static readonly EquityPoint[] IntradayCurve =
    [
        new(March1, 1000m),
        new(March1.AddHours(12), 1100m),
        new(March1.AddHours(23), 1050m),
        new(March1.AddDays(1).AddHours(6), 900m),
        new(March1.AddDays(1).AddHours(20), 1200m),
        new(March1.AddDays(2).AddHours(15), 1140m),
        new(March1.AddDays(4).AddHours(9), 1254m),
    ];

    [Fact]
    public void Compute_IntradayPoints_CollapseToDailyReturnsAndAnnualiseWith365()
    {
        var report = PerformanceReport.Compute(IntradayCurve, []);

        report.Days.ShouldBe(5);
        report.Start.ShouldBe(March1);
        report.End.ShouldBe(March1.AddDays(4).AddHours(9));
        (report.StartEquity, report.EndEquity).ShouldBe((1000m, 1254m));
        report.TotalReturn.ShouldBe(0.254, 1e-15);
        // python: r=[0.05,1200/1050-1,1140/1200-1,0,1254/1140-1]; statistics.stdev; sqrt(365)
        ShouldBeRelative(report.Sharpe, 12.077823130915466);
        ShouldBeRelative(report.Sortino, 41.49944676297082);
        ShouldBeRelative(report.AnnualVolatility, 1.4678614876543277);
        ShouldBeRelative(report.Cagr, 14987187.309182407); // 1.254^(365/5) - 1
        ShouldBeRelative(report.Calmar, 82429530.20050324); // CAGR / (200 / 1100)
        report.PeriodsPerYear.ShouldBe(365);
    }

    [Fact]
    public void Compute_IntradayPoints_MaxDrawdownUsesEveryPointWithDatesAndRecovery()
    {
        var drawdown = PerformanceReport.Compute(IntradayCurve, []).MaxDrawdown.ShouldNotBeNull();

        drawdown.Depth.ShouldBe(200.0 / 1100, 1e-15);
        drawdown.AmountUsd.ShouldBe(200m);
        drawdown.PeakTime.ShouldBe(March1.AddHours(12));
        drawdown.PeakEquity.ShouldBe(1100m);
        drawdown.TroughTime.ShouldBe(March1.AddDays(1).AddHours(6));
        drawdown.TroughEquity.ShouldBe(900m);
        drawdown.RecoveryTime.ShouldBe(March1.AddDays(1).AddHours(20));
        drawdown.Recovered.ShouldBeTrue();
    }

    [Fact]
    public void Compute_AnnualRiskFreeRate_UsesDailyRateInSharpeAndSortino()
    {
        var options = new MetricsOptions { AnnualRiskFreeRate = 0.05 };

        var report = PerformanceReport.Compute(IntradayCurve, [], options);

        options.RiskFreePerPeriod.ShouldBe(0.00013368061711349633, 1e-18); // 1.05^(1/365) - 1
        ShouldBeRelative(report.Sharpe, 12.044581966366351);
        ShouldBeRelative(report.Sortino, 41.27473023899752);
        ShouldBeRelative(report.AnnualVolatility, 1.4678614876543277); // volatility ignores the risk-free rate
        report.AnnualRiskFreeRate.ShouldBe(0.05);
    }

    [Fact]
    public void Compute_PeriodsPerYear252_AnnualisesWithThatFactor()
    {
        var report = PerformanceReport.Compute(IntradayCurve, [], new MetricsOptions { PeriodsPerYear = 252 });

        ShouldBeRelative(report.Sharpe, 10.03558060767302);
        report.PeriodsPerYear.ShouldBe(252);
    }

    [Fact]
    public void Compute_ReportStatistics_EqualReturnsFunctionsOnDailyReturns()
    {
        var returns = EquityCurve.DailyReturns(IntradayCurve).Select(d => d.Return).ToArray();

        var report = PerformanceReport.Compute(IntradayCurve, []);

        report.Sharpe.ShouldBe(Returns.Sharpe(returns, 365));
        report.Sortino.ShouldBe(Returns.Sortino(returns, 365));
        report.AnnualVolatility.ShouldBe(Returns.AnnualVolatility(returns, 365));
        report.Cagr.ShouldBe(Returns.Cagr(returns, 365).ShouldNotBeNull());
    }

    [Fact]
    public void Compute_FlatEquity_HasNoSharpeSortinoDrawdownOrCalmar()
    {
        EquityPoint[] flat = [.. Enumerable.Range(0, 5).Select(d => new EquityPoint(March1.AddDays(d), 1000m))];

        var report = PerformanceReport.Compute(flat, []);

        report.Days.ShouldBe(5);
        report.TotalReturn.ShouldBe(0);
        report.Cagr.ShouldBe(0);
        report.AnnualVolatility.ShouldBe(0);
        report.Sharpe.ShouldBeNull();  // stdev 0: undefined (empyrical: +inf or NaN)
        report.Sortino.ShouldBeNull(); // no downside
        report.MaxDrawdown.ShouldBeNull();
        report.MaxDrawdownDepth.ShouldBe(0);
        report.MaxDrawdownUsd.ShouldBe(0m);
        report.Calmar.ShouldBeNull();
    }

    [Fact]
    public void Compute_SingleDay_HasOneReturnAndIntradayDrawdown()
    {
        EquityPoint[] day = [new(March1.AddHours(1), 1000m), new(March1.AddHours(5), 980m), new(March1.AddHours(22), 1010m)];

        var report = PerformanceReport.Compute(day, []);

        report.Days.ShouldBe(1);
        report.TotalReturn.ShouldBe(0.01, 1e-15);
        ShouldBeRelative(report.Cagr, 36.78343433288728); // 1.01^365 - 1
        report.AnnualVolatility.ShouldBeNull(); // needs two returns
        report.Sharpe.ShouldBeNull();
        report.Sortino.ShouldBeNull();
        var drawdown = report.MaxDrawdown.ShouldNotBeNull();
        (drawdown.Depth, drawdown.AmountUsd).ShouldBe((0.02, 20m));
        drawdown.RecoveryTime.ShouldBe(March1.AddHours(22));
        report.Calmar.ShouldNotBeNull().ShouldBe(36.78343433288728 / 0.02, 1e-6);
    }

    [Fact]
    public void Compute_SinglePoint_HasZeroReturnAndNoExposure()
    {
        var report = PerformanceReport.Compute([new EquityPoint(March1, 500m)], []);

        (report.Days, report.TotalReturn, report.Cagr).ShouldBe((1, 0.0, 0.0));
        report.Start.ShouldBe(report.End);
        report.Exposure.ShouldBeNull(); // the period has no length
        report.Sharpe.ShouldBeNull();
    }

    [Fact]
    public void Compute_DrawdownNotRecovered_HasNullRecoveryTime()
    {
        EquityPoint[] curve = [new(March1, 1000m), new(March1.AddDays(1), 1200m), new(March1.AddDays(2), 900m), new(March1.AddDays(3), 1100m)];

        var drawdown = PerformanceReport.Compute(curve, []).MaxDrawdown.ShouldNotBeNull();

        (drawdown.PeakTime, drawdown.TroughTime).ShouldBe((March1.AddDays(1), March1.AddDays(2)));
        drawdown.Depth.ShouldBe(0.25, 1e-15);
        drawdown.AmountUsd.ShouldBe(300m);
        drawdown.RecoveryTime.ShouldBeNull();
        drawdown.Recovered.ShouldBeFalse();
    }

    [Fact]
    public void Compute_NoTrades_HasCountsZeroAndUndefinedRatios()
    {
        var report = PerformanceReport.Compute(IntradayCurve, []);

        (report.TradeCount, report.WinningTrades, report.LosingTrades).ShouldBe((0, 0, 0));
        report.WinRate.ShouldBeNull();
        report.ProfitFactor.ShouldBeNull();
        report.ProfitFactorUnbounded.ShouldBeFalse();
        report.ExpectancyUsd.ShouldBeNull();
        report.ExpectancyRatio.ShouldBeNull();
        report.AverageHoldTime.ShouldBeNull();
        report.Exposure.ShouldBe(0);
        (report.GrossProfitUsd, report.GrossLossUsd, report.NetProfitUsd, report.FeesUsd).ShouldBe((0m, 0m, 0m, 0m));
    }

    [Fact]
    public void Compute_AllLosingTrades_HasZeroWinRateAndProfitFactor()
    {
        ClosedTrade[] trades =
        [
            Trade(-10m, March1, March1.AddHours(1), fees: 0.4m),
            Trade(-30m, March1.AddHours(2), March1.AddHours(5), fees: 1.2m),
        ];

        var report = PerformanceReport.Compute(IntradayCurve, trades);

        (report.TradeCount, report.WinningTrades, report.LosingTrades).ShouldBe((2, 0, 2));
        report.WinRate.ShouldBe(0);
        report.ProfitFactor.ShouldBe(0);
        report.ProfitFactorUnbounded.ShouldBeFalse();
        report.ExpectancyUsd.ShouldBe(-20m);
        report.ExpectancyRatio.ShouldBe(-1); // (1 + 0 / 20) x 0 - 1
        (report.GrossProfitUsd, report.GrossLossUsd, report.NetProfitUsd, report.FeesUsd).ShouldBe((0m, 40m, -40m, 1.6m));
        report.AverageHoldTime.ShouldBe(TimeSpan.FromHours(2));
    }

    [Fact]
    public void Compute_NoLosingTrade_ReportsProfitFactorNullAndUnbounded()
    {
        ClosedTrade[] trades = [Trade(10m, March1, March1.AddHours(1)), Trade(5m, March1, March1.AddHours(2)), Trade(0m, March1, March1.AddHours(3))];

        var report = PerformanceReport.Compute(IntradayCurve, trades);

        report.ProfitFactor.ShouldBeNull();
        report.ProfitFactorUnbounded.ShouldBeTrue();
        report.ExpectancyRatio.ShouldBeNull();
        report.WinRate.ShouldBe(2.0 / 3);           // the break-even trade is not a win
        (report.WinningTrades, report.LosingTrades).ShouldBe((2, 0));
        report.ExpectancyUsd.ShouldBe(5m);
    }

    [Fact]
    public void Compute_OnlyBreakEvenTrades_ProfitFactorNullAndNotUnbounded()
    {
        var report = PerformanceReport.Compute(IntradayCurve, [Trade(0m, March1, March1.AddHours(1))]);

        report.ProfitFactor.ShouldBeNull();
        report.ProfitFactorUnbounded.ShouldBeFalse();
        report.WinRate.ShouldBe(0);
        report.ExpectancyUsd.ShouldBe(0m);
    }

    [Fact]
    public void Compute_OverlappingAndOutlyingTrades_ExposureIsUnionClippedToPeriod()
    {
        EquityPoint[] curve = [new(March1, 1000m), new(March1.AddHours(10), 1000m)];
        ClosedTrade[] trades =
        [
            Trade(1m, March1.AddHours(9), March1.AddHours(12)),                 // clipped to 09:00-10:00
            Trade(1m, March1.AddHours(1), March1.AddHours(3)),                  // 01:00-04:00 with the next
            Trade(1m, March1.AddHours(2), March1.AddHours(4)),
            Trade(1m, March1.AddHours(6), March1.AddHours(7)),
            Trade(1m, March1.AddHours(-1), March1.AddMinutes(30)),              // clipped to 00:00-00:30
            Trade(1m, March1.AddHours(2.5), March1.AddHours(3.5)),              // inside another
        ];

        var report = PerformanceReport.Compute(curve, trades);

        report.Exposure.ShouldNotBeNull().ShouldBe(5.5 / 10, 1e-15);
    }

    [Fact]
    public void Compute_TradeCoveringWholePeriod_ExposureIsOne()
    {
        var report = PerformanceReport.Compute(IntradayCurve, [Trade(1m, March1.AddDays(-1), March1.AddDays(9))]);

        report.Exposure.ShouldBe(1);
        report.AverageHoldTime.ShouldBe(TimeSpan.FromDays(10));
    }

    private static void ShouldBeRelative(double? actual, double expected)
    {
        actual.ShouldNotBeNull();
        actual.Value.ShouldBe(expected, Math.Abs(expected) * 1e-12);
    }
}
