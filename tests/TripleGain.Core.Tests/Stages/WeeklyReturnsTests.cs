using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;

namespace TripleGain.Core.Tests.Stages;

public class WeeklyReturnsTests
{
    private static readonly DateTime Monday = new(2024, 12, 23, 0, 0, 0, DateTimeKind.Utc); // ISO 2024-W52

    [Fact]
    public void Complete_AcrossTheYearBoundary_UsesIsoWeekYears()
    {
        EquityPoint[] curve = [new(Monday, 100m), new(Monday.AddDays(7), 101m), new(Monday.AddDays(14), 99m)];

        var weeks = WeeklyReturns.Complete(curve, Monday, Monday.AddDays(14));

        weeks.Select(w => w.ToString()).ShouldBe(["2024-W52", "2025-W01"]); // Monday 2024-12-30 starts ISO 2025-W01
        weeks[0].Return.ShouldBe(0.01, 1e-12);
        weeks[1].IsLosing.ShouldBeTrue();
        weeks[1].Start.ShouldBe(new DateTime(2024, 12, 30, 0, 0, 0, DateTimeKind.Utc));
        weeks[1].End.ShouldBe(new DateTime(2025, 1, 6, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Complete_IntraweekPoints_OpenAtOrBeforeStartCloseAtOrBeforeEnd()
    {
        EquityPoint[] curve =
        [
            new(Monday.AddDays(-1), 90m), // Sunday of the week before: opens the week
            new(Monday.AddDays(3), 80m),
            new(Monday.AddDays(6).AddHours(23), 95m), // last point before the end closes it
            new(Monday.AddDays(7).AddHours(1), 50m), // next week
        ];

        var week = WeeklyReturns.Complete(curve, Monday.AddDays(-1), Monday.AddDays(8)).ShouldHaveSingleItem();

        (week.OpenEquity, week.CloseEquity).ShouldBe((90m, 95m));
        week.IsLosing.ShouldBeFalse();
    }

    [Fact]
    public void Complete_WeekWithoutPoints_CarriesTheCloseForward()
    {
        EquityPoint[] curve = [new(Monday, 100m), new(Monday.AddDays(7), 98m), new(Monday.AddDays(21), 97m)];

        var weeks = WeeklyReturns.Complete(curve, Monday, Monday.AddDays(21));

        weeks.Select(w => (w.OpenEquity, w.CloseEquity)).ShouldBe([(100m, 98m), (98m, 98m), (98m, 97m)]);
        WeeklyReturns.LongestLosingRun(weeks).ShouldBe(1);
    }

    [Fact]
    public void Complete_FirstPointInsideTheWeek_OpensAtIt()
    {
        EquityPoint[] curve = [new(Monday.AddDays(2), 100m), new(Monday.AddDays(5), 99m)];

        var week = WeeklyReturns.Complete(curve, Monday, Monday.AddDays(7)).ShouldHaveSingleItem();

        (week.OpenEquity, week.CloseEquity).ShouldBe((100m, 99m));
    }

    [Fact]
    public void Complete_NoCompleteWeek_IsEmpty()
    {
        EquityPoint[] curve = [new(Monday, 100m), new(Monday.AddDays(6), 90m)];

        WeeklyReturns.Complete(curve, Monday, Monday.AddDays(7).AddTicks(-1)).ShouldBeEmpty();
    }
}
