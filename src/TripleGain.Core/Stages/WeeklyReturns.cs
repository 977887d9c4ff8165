using System.Globalization;
using TripleGain.Core.Metrics;

namespace TripleGain.Core.Stages;

/// <summary>Completed ISO weeks of an equity curve.</summary>
public static class WeeklyReturns
{
    /// <summary>
    /// Every ISO week (UTC, Monday 00:00 to Monday 00:00) that lies wholly within [<paramref name="from"/>,
    /// <paramref name="now"/>], oldest first; a week still running, or begun before <paramref name="from"/>, is left
    /// out. Only points at or after <paramref name="from"/> count. A week's open and close equity are the last point at
    /// or before its start and end (a point at Monday 00:00 closes one week and opens the next); when no point lies at
    /// or before its start, the week opens at its first point; a week before the first point is left out, and a week
    /// without points keeps the previous close (return 0).
    /// </summary>
    public static IReadOnlyList<WeeklyReturn> Complete(IReadOnlyList<EquityPoint> equity, DateTime from, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(equity);
        StageStatus.RequireUtc(from, nameof(from));
        StageStatus.RequireUtc(now, nameof(now));
        if (equity.Count > 0)
        {
            EquityCurve.Validate(equity);
        }

        var points = equity.Where(p => p.Timestamp >= from).ToArray();
        if (points.Length == 0)
        {
            return [];
        }

        var weeks = new List<WeeklyReturn>();
        var start = MondayOnOrAfter(from);
        var index = -1; // last point at or before the current instant
        while (start.AddDays(7) <= now)
        {
            var end = start.AddDays(7);
            while (index + 1 < points.Length && points[index + 1].Timestamp <= start)
            {
                index++;
            }

            var open = index >= 0 ? points[index].Equity : (decimal?)null;
            while (index + 1 < points.Length && points[index + 1].Timestamp <= end)
            {
                index++;
                open ??= points[index].Equity;
            }

            if (open is { } o)
            {
                var day = DateOnly.FromDateTime(start);
                var date = day.ToDateTime(TimeOnly.MinValue);
                weeks.Add(new WeeklyReturn(ISOWeek.GetYear(date), ISOWeek.GetWeekOfYear(date), DateTime.SpecifyKind(start, DateTimeKind.Utc), o, points[index].Equity));
            }

            start = end;
        }

        return weeks;
    }

    /// <summary>The longest run of consecutive losing weeks.</summary>
    public static int LongestLosingRun(IReadOnlyList<WeeklyReturn> weeks)
    {
        ArgumentNullException.ThrowIfNull(weeks);
        int longest = 0, run = 0;
        foreach (var week in weeks)
        {
            run = week.IsLosing ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }

        return longest;
    }

    private static DateTime MondayOnOrAfter(DateTime time)
    {
        var day = time.Date;
        var sinceMonday = ((int)day.DayOfWeek + 6) % 7;
        var monday = day.AddDays(-sinceMonday);
        if (monday < time)
        {
            monday = monday.AddDays(7);
        }

        return DateTime.SpecifyKind(monday, DateTimeKind.Utc);
    }
}
