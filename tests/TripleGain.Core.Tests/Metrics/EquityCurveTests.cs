using TripleGain.Core.Metrics;

namespace TripleGain.Core.Tests.Metrics;

public class EquityCurveTests
{
    private static readonly DateTime Jan1 = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void DailyReturns_IntradayPoints_UseLastPointOfEachUtcDay()
    {
        EquityPoint[] curve =
        [
            new(Jan1.AddHours(9), 100m),       // start
            new(Jan1.AddHours(23.99), 104m),   // day 1 close
            new(Jan1.AddDays(1), 90m),         // midnight belongs to day 2
            new(Jan1.AddDays(1).AddHours(12), 117m),
        ];

        var days = EquityCurve.DailyReturns(curve);

        days.Select(d => d.Day).ShouldBe([new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 2)]);
        days.Select(d => d.CloseEquity).ShouldBe([104m, 117m]);
        days[0].Return.ShouldBe(0.04, 1e-15);
        days[1].Return.ShouldBe(0.125, 1e-15);
    }

    [Fact]
    public void DailyReturns_DaysWithoutPoints_CarryTheCloseForwardWithZeroReturn()
    {
        EquityPoint[] curve = [new(Jan1, 100m), new(Jan1.AddDays(3).AddHours(5), 110m)];

        var days = EquityCurve.DailyReturns(curve);

        days.Length.ShouldBe(4);
        days.Select(d => d.CloseEquity).ShouldBe([100m, 100m, 100m, 110m]);
        days.Select(d => d.Return).ShouldBe([0, 0, 0, 0.1], 1e-15);
    }

    [Fact]
    public void DailyReturns_UnspecifiedKind_IsReadAsUtc()
    {
        var unspecified = DateTime.SpecifyKind(Jan1.AddHours(23), DateTimeKind.Unspecified);

        var days = EquityCurve.DailyReturns([new EquityPoint(Jan1, 100m), new EquityPoint(unspecified, 101m)]);

        days.ShouldHaveSingleItem().Day.ShouldBe(new DateOnly(2025, 1, 1));
    }
}
