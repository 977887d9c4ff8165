namespace TripleGain.Core.Metrics;

/// <summary>Drawdowns of an equity curve, measured at every point (not only at daily closes).</summary>
public static class Drawdowns
{
    /// <summary>
    /// The largest drawdown of the curve, or null when the equity never falls below a previous peak. The first point
    /// (the starting equity) is the first peak; a point at or above the running peak becomes the new peak, so
    /// <see cref="DrawdownPeriod.PeakTime"/> is the last time the equity stood there before falling.
    /// <see cref="DrawdownMeasure.Relative"/> picks the deepest fall in percent (the geometric max drawdown),
    /// <see cref="DrawdownMeasure.Absolute"/> the largest fall in USD; of equal falls the first is reported.
    /// </summary>
    public static DrawdownPeriod? Max(IReadOnlyList<EquityPoint> equity, DrawdownMeasure measure = DrawdownMeasure.Relative)
    {
        EquityCurve.Validate(equity);
        if (!Enum.IsDefined(measure))
        {
            throw new ArgumentOutOfRangeException(nameof(measure), measure, "Unknown drawdown measure.");
        }

        return MaxOfValid(equity, measure);
    }

    /// <summary><see cref="Max"/> of a curve that <see cref="EquityCurve.Validate"/> has accepted.</summary>
    internal static DrawdownPeriod? MaxOfValid(IReadOnlyList<EquityPoint> equity, DrawdownMeasure measure)
    {
        var peakIndex = 0;
        int bestPeak = -1, bestTrough = -1;
        decimal bestAmount = 0;
        double bestDepth = 0;
        for (var i = 1; i < equity.Count; i++)
        {
            var value = equity[i].Equity;
            var peak = equity[peakIndex].Equity;
            if (value >= peak)
            {
                peakIndex = i;
                continue;
            }

            var amount = peak - value;
            var depth = (double)(amount / peak);
            var deeper = measure == DrawdownMeasure.Relative ? depth > bestDepth : amount > bestAmount;
            if (deeper)
            {
                (bestPeak, bestTrough, bestAmount, bestDepth) = (peakIndex, i, amount, depth);
            }
        }

        if (bestTrough < 0)
        {
            return null;
        }

        var peakEquity = equity[bestPeak].Equity;
        DateTime? recovery = null;
        for (var i = bestTrough + 1; i < equity.Count; i++)
        {
            if (equity[i].Equity >= peakEquity)
            {
                recovery = equity[i].Timestamp;
                break;
            }
        }

        return new DrawdownPeriod(
            bestDepth,
            bestAmount,
            equity[bestPeak].Timestamp,
            peakEquity,
            equity[bestTrough].Timestamp,
            equity[bestTrough].Equity,
            recovery);
    }
}
