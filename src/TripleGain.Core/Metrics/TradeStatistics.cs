using System.Globalization;
using static System.FormattableString;

namespace TripleGain.Core.Metrics;

/// <summary>Trade-based figures of a <see cref="PerformanceReport"/> (see there for the definitions).</summary>
internal readonly record struct TradeStatistics(
    int TradeCount,
    int WinningTrades,
    int LosingTrades,
    decimal GrossProfitUsd,
    decimal GrossLossUsd,
    decimal NetProfitUsd,
    decimal FeesUsd,
    double? WinRate,
    double? ProfitFactor,
    bool ProfitFactorUnbounded,
    decimal? ExpectancyUsd,
    double? ExpectancyRatio,
    TimeSpan? AverageHoldTime,
    double? Exposure)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first invalid trade (index, field, value) and the rule.</summary>
    public static void Validate(IReadOnlyList<ClosedTrade> trades)
    {
        ArgumentNullException.ThrowIfNull(trades);
        for (var i = 0; i < trades.Count; i++)
        {
            var t = trades[i] ?? throw new ArgumentException($"trades[{i}] is null.", nameof(trades));
            var problem = Problem(t);
            if (problem is not null)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"trades[{i}] ({t.Pair} {t.Side}) {problem}."), nameof(trades));
            }
        }
    }

    private static string? Problem(ClosedTrade t) =>
        t.EntryTime.Kind == DateTimeKind.Local || t.ExitTime.Kind == DateTimeKind.Local
            ? Invariant($"has a local time (entry {t.EntryTime:O}, exit {t.ExitTime:O}): times must be UTC")
        : t.ExitTime < t.EntryTime ? Invariant($"exits at {t.ExitTime:O}, before its entry at {t.EntryTime:O}: a trade must exit at or after its entry")
        : t.EntryPrice <= 0 ? Invariant($"has EntryPrice {t.EntryPrice}: prices must be positive")
        : t.ExitPrice <= 0 ? Invariant($"has ExitPrice {t.ExitPrice}: prices must be positive")
        : t.Volume <= 0 ? Invariant($"has Volume {t.Volume}: volume must be positive (the side gives the direction)")
        : t.FeesUsd < 0 ? Invariant($"has FeesUsd {t.FeesUsd}: fees must not be negative")
        : null;

    /// <summary>Computes the figures of valid trades; exposure over [periodStart, periodEnd] (null when that is empty).</summary>
    public static TradeStatistics Compute(IReadOnlyList<ClosedTrade> trades, DateTime periodStart, DateTime periodEnd)
    {
        int wins = 0, losses = 0;
        decimal grossProfit = 0, grossLoss = 0, fees = 0;
        long holdTicks = 0;
        foreach (var trade in trades)
        {
            if (trade.PnlUsd > 0)
            {
                wins++;
                grossProfit += trade.PnlUsd;
            }
            else if (trade.PnlUsd < 0)
            {
                losses++;
                grossLoss -= trade.PnlUsd;
            }

            fees += trade.FeesUsd;
            holdTicks += trade.HoldTime.Ticks;
        }

        var count = trades.Count;
        if (count == 0)
        {
            return new TradeStatistics(0, 0, 0, 0, 0, 0, 0, null, null, false, null, null, null, ExposureOver(trades, periodStart, periodEnd));
        }

        var winRate = (double)wins / count;
        var net = grossProfit - grossLoss;
        double? expectancyRatio = null;
        if (losses > 0)
        {
            // freqtrade: (1 + average win / average loss) x win rate - 1; undefined (freqtrade: 100) without losses.
            var averageWin = wins > 0 ? grossProfit / wins : 0;
            var averageLoss = grossLoss / losses;
            expectancyRatio = (1 + (double)(averageWin / averageLoss)) * winRate - 1;
        }

        return new TradeStatistics(
            count,
            wins,
            losses,
            grossProfit,
            grossLoss,
            net,
            fees,
            winRate,
            losses > 0 ? (double)(grossProfit / grossLoss) : null,
            losses == 0 && wins > 0,
            net / count,
            expectancyRatio,
            TimeSpan.FromTicks(holdTicks / count),
            ExposureOver(trades, periodStart, periodEnd));
    }

    /// <summary>Length of the union of the trades' [entry, exit] intervals clipped to the period, over the period's length.</summary>
    private static double? ExposureOver(IReadOnlyList<ClosedTrade> trades, DateTime periodStart, DateTime periodEnd)
    {
        if (periodEnd <= periodStart)
        {
            return null;
        }

        if (trades.Count == 0)
        {
            return 0;
        }

        var intervals = new (long Start, long End)[trades.Count];
        var n = 0;
        foreach (var trade in trades)
        {
            var start = Math.Max(trade.EntryTime.Ticks, periodStart.Ticks);
            var end = Math.Min(trade.ExitTime.Ticks, periodEnd.Ticks);
            if (end > start)
            {
                intervals[n++] = (start, end);
            }
        }

        Array.Sort(intervals, 0, n);
        long covered = 0, currentStart = 0, currentEnd = 0;
        for (var i = 0; i < n; i++)
        {
            var (start, end) = intervals[i];
            if (i == 0 || start > currentEnd)
            {
                covered += currentEnd - currentStart;
                (currentStart, currentEnd) = (start, end);
            }
            else if (end > currentEnd)
            {
                currentEnd = end;
            }
        }

        covered += currentEnd - currentStart;
        return (double)covered / (periodEnd.Ticks - periodStart.Ticks);
    }
}
