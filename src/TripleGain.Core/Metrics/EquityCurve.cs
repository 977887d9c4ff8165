using System.Globalization;

namespace TripleGain.Core.Metrics;

/// <summary>
/// Checks and resamples an equity curve. A valid curve has at least one point, timestamps in non-decreasing order (equal
/// timestamps are allowed; the later point wins) that are UTC or unspecified (read as UTC; local times are refused), and
/// positive equity everywhere.
/// </summary>
public static class EquityCurve
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first offending point (index, time, value) and the rule.</summary>
    public static void Validate(IReadOnlyList<EquityPoint> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        if (equity.Count == 0)
        {
            throw new ArgumentException("The equity curve is empty: it needs at least one point (the starting equity).", nameof(equity));
        }

        for (var i = 0; i < equity.Count; i++)
        {
            var point = equity[i];
            if (point.Timestamp.Kind == DateTimeKind.Local)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"equity[{i}] has the local time {point.Timestamp:O}: timestamps must be UTC."), nameof(equity));
            }

            if (point.Equity <= 0)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"equity[{i}] at {point.Timestamp:O} is {point.Equity}: equity must be positive."), nameof(equity));
            }

            if (i > 0 && point.Timestamp < equity[i - 1].Timestamp)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"equity[{i}] at {point.Timestamp:O} is earlier than equity[{i - 1}] at {equity[i - 1].Timestamp:O}: points must be in time order."),
                    nameof(equity));
            }
        }
    }

    /// <summary>
    /// One return per UTC calendar day from the first point's day to the last point's day, both included. A day's close
    /// is the equity of its last point; a day without points keeps the previous close (return 0). The first day's return
    /// is measured from the first point (the starting equity), every later day's from the previous day's close.
    /// </summary>
    public static DailyReturn[] DailyReturns(IReadOnlyList<EquityPoint> equity)
    {
        Validate(equity);
        return DailyReturnsOfValid(equity);
    }

    /// <summary><see cref="DailyReturns"/> of a curve that <see cref="Validate"/> has accepted.</summary>
    internal static DailyReturn[] DailyReturnsOfValid(IReadOnlyList<EquityPoint> equity)
    {
        var firstDay = DateOnly.FromDateTime(equity[0].Timestamp);
        var lastDay = DateOnly.FromDateTime(equity[^1].Timestamp);
        var days = new DailyReturn[lastDay.DayNumber - firstDay.DayNumber + 1];

        var previousClose = equity[0].Equity;
        var index = 0;
        for (var d = 0; d < days.Length; d++)
        {
            var day = firstDay.AddDays(d);
            var close = previousClose;
            while (index < equity.Count && DateOnly.FromDateTime(equity[index].Timestamp) == day)
            {
                close = equity[index].Equity;
                index++;
            }

            days[d] = new DailyReturn(day, close, (double)(close / previousClose) - 1);
            previousClose = close;
        }

        return days;
    }
}
