using TripleGain.Core.Metrics;
using static TripleGain.Core.Tests.Metrics.TestTrades;

namespace TripleGain.Core.Tests.Metrics;

public class MetricsInputValidationTests
{
    private static readonly DateTime T0 = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Compute_UnorderedTimestamps_ThrowsNamingIndexAndTimes()
    {
        EquityPoint[] curve = [new(T0, 1000m), new(T0.AddHours(2), 1010m), new(T0.AddHours(1), 1020m)];

        var error = Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, []));

        error.ParamName.ShouldBe("equity");
        error.Message.ShouldContain("equity[2] at 2024-05-01T01:00:00.0000000Z is earlier than equity[1] at 2024-05-01T02:00:00.0000000Z");
        error.Message.ShouldContain("time order");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5.5")]
    public void Compute_NonPositiveEquity_ThrowsNamingIndexAndValue(string value)
    {
        EquityPoint[] curve = [new(T0, 1000m), new(T0.AddHours(1), decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture))];

        var error = Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, []));

        error.Message.ShouldContain($"equity[1] at 2024-05-01T01:00:00.0000000Z is {value}: equity must be positive");
    }

    [Fact]
    public void Compute_EmptyCurve_Throws() =>
        Should.Throw<ArgumentException>(() => PerformanceReport.Compute([], [])).Message.ShouldContain("equity curve is empty");

    [Fact]
    public void Compute_NullInputs_ThrowArgumentNull()
    {
        Should.Throw<ArgumentNullException>(() => PerformanceReport.Compute(null!, []));
        Should.Throw<ArgumentNullException>(() => PerformanceReport.Compute([new EquityPoint(T0, 1m)], null!));
    }

    [Fact]
    public void Compute_LocalTimestamp_Throws()
    {
        EquityPoint[] curve = [new(T0, 1000m), new(new DateTime(2024, 5, 2, 0, 0, 0, DateTimeKind.Local), 1000m)];

        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [])).Message.ShouldContain("equity[1] has the local time");
    }

    [Fact]
    public void Compute_EqualTimestamps_AreAcceptedAndTheLaterPointWins()
    {
        EquityPoint[] curve = [new(T0, 1000m), new(T0.AddHours(1), 900m), new(T0.AddHours(1), 950m)];

        var report = PerformanceReport.Compute(curve, []);

        report.EndEquity.ShouldBe(950m);
        EquityCurve.DailyReturns(curve).ShouldHaveSingleItem().CloseEquity.ShouldBe(950m);
    }

    [Fact]
    public void Compute_TradeExitingBeforeEntry_ThrowsNamingTheTrade()
    {
        ClosedTrade[] trades = [Trade(1m, T0, T0.AddHours(1)), Trade(1m, T0.AddHours(3), T0.AddHours(2))];

        var error = Should.Throw<ArgumentException>(() => PerformanceReport.Compute([new EquityPoint(T0, 1m)], trades));

        error.ParamName.ShouldBe("trades");
        error.Message.ShouldContain("trades[1] (BTC/USDT Long) exits at 2024-05-01T02:00:00.0000000Z, before its entry at 2024-05-01T03:00:00.0000000Z");
    }

    [Fact]
    public void Compute_InvalidTradeFields_ThrowNamingFieldAndValue()
    {
        EquityPoint[] curve = [new EquityPoint(T0, 1m)];
        var good = Trade(1m, T0, T0.AddHours(1));

        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [good with { Volume = 0m }])).Message.ShouldContain("trades[0] (BTC/USDT Long) has Volume 0");
        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [good with { EntryPrice = -1m }])).Message.ShouldContain("has EntryPrice -1");
        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [good with { ExitPrice = 0m }])).Message.ShouldContain("has ExitPrice 0");
        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [good with { FeesUsd = -0.1m }])).Message.ShouldContain("has FeesUsd -0.1");
        Should.Throw<ArgumentException>(() => PerformanceReport.Compute(curve, [good, null!])).Message.ShouldContain("trades[1] is null");
    }

    [Theory]
    [InlineData(double.NaN, "returns[2] is NaN")]
    [InlineData(double.PositiveInfinity, "returns[2] is Infinity")]
    [InlineData(-1.5, "returns[2] is -1.5")]
    public void Returns_InvalidReturn_ThrowsNamingIndexAndValue(double bad, string message)
    {
        double[] returns = [0.01, 0.02, bad];

        Should.Throw<ArgumentException>(() => Returns.Sharpe(returns, 365)).Message.ShouldContain(message);
        Should.Throw<ArgumentException>(() => Returns.MaxDrawdown(returns)).Message.ShouldContain(message);
        Should.Throw<ArgumentException>(() => Returns.Cagr(returns, 365)).Message.ShouldContain(message);
    }

    [Fact]
    public void Returns_NonPositivePeriodsPerYear_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Returns.Sharpe([0.01, 0.02], 0)).ParamName.ShouldBe("periodsPerYear");
        Should.Throw<ArgumentOutOfRangeException>(() => Returns.Cagr(1, 2, 10, -1)).ParamName.ShouldBe("periodsPerYear");
    }

    [Fact]
    public void Returns_NonFiniteRate_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Returns.Sortino([0.01, -0.02], 365, double.NaN)).ParamName.ShouldBe("requiredReturnPerPeriod");

    [Theory]
    [InlineData(0, 2, 10)]
    [InlineData(1, -2, 10)]
    [InlineData(1, 2, 0)]
    public void Cagr_InvalidValues_Throws(double start, double end, double periods) =>
        Should.Throw<ArgumentOutOfRangeException>(() => Returns.Cagr(start, end, periods, 365));

    [Fact]
    public void MetricsOptions_InvalidValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MetricsOptions { PeriodsPerYear = 0 }).ParamName.ShouldBe("PeriodsPerYear");
        Should.Throw<ArgumentOutOfRangeException>(() => new MetricsOptions { AnnualRiskFreeRate = double.NaN }).ParamName.ShouldBe("AnnualRiskFreeRate");
        Should.Throw<ArgumentOutOfRangeException>(() => new MetricsOptions { AnnualRiskFreeRate = -1 });
    }

    [Fact]
    public void MetricsOptions_Default_Is365DaysAndNoRiskFree()
    {
        MetricsOptions.Default.PeriodsPerYear.ShouldBe(365);
        MetricsOptions.Default.AnnualRiskFreeRate.ShouldBe(0);
        MetricsOptions.Default.RiskFreePerPeriod.ShouldBe(0);
    }

    [Fact]
    public void Max_UndefinedMeasure_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Drawdowns.Max([new EquityPoint(T0, 1m)], (DrawdownMeasure)7));
}
