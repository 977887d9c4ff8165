using System.Globalization;

namespace TripleGain.Core.Metrics;

/// <summary>
/// Statistics of a series of simple periodic returns (0.01 = +1 % in one period), pure and allocation-free, so that
/// published reference values (quantstats, R PerformanceAnalytics, empyrical) can be checked on their own inputs.
/// <para>
/// Conventions (the same as <see cref="PerformanceReport"/>; see Metrics/README.md):
/// standard deviation is the sample one (ddof 1); annualisation multiplies by sqrt(periodsPerYear) (or raises to
/// periodsPerYear / n for growth); <see cref="MaxDrawdown"/> is geometric with the starting capital as the first peak and
/// is returned as a <b>positive</b> fraction (quantstats, empyrical and R report the same number negated).
/// A statistic that is undefined is <c>null</c>, never NaN or infinity: fewer than two returns for anything built on a
/// standard deviation, a zero standard deviation (Sharpe), no downside (Sortino), no drawdown (Calmar), a zero
/// denominator (Omega). empyrical returns NaN or +infinity in those cases.
/// </para>
/// Every return must be a finite number not below -1 (-1 = everything lost); otherwise an <see cref="ArgumentException"/>
/// names the index and the value. Rates passed per period are in the same unit as the returns.
/// </summary>
public static class Returns
{
    /// <summary>
    /// Annualised Sharpe ratio: mean(r - rf) / stdev(r - rf, ddof 1) x sqrt(periodsPerYear). Null with fewer than two
    /// returns or when every excess return is the same (stdev 0).
    /// </summary>
    public static double? Sharpe(IReadOnlyList<double> returns, int periodsPerYear, double riskFreePerPeriod = 0)
    {
        Check(returns, periodsPerYear);
        CheckRate(riskFreePerPeriod, nameof(riskFreePerPeriod));
        if (returns.Count < 2)
        {
            return null;
        }

        var mean = Mean(returns) - riskFreePerPeriod;
        var stdev = StandardDeviation(returns);
        return stdev == 0 ? null : mean / stdev * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Annualised Sortino ratio: mean(r - t) / sqrt(sum(min(r - t, 0)^2) / n) x sqrt(periodsPerYear), with t the
    /// required (minimum acceptable) return per period and n all periods (quantstats, empyrical). Null with fewer than
    /// two returns or when no return is below t (no downside).
    /// </summary>
    public static double? Sortino(IReadOnlyList<double> returns, int periodsPerYear, double requiredReturnPerPeriod = 0)
    {
        Check(returns, periodsPerYear);
        CheckRate(requiredReturnPerPeriod, nameof(requiredReturnPerPeriod));
        if (returns.Count < 2)
        {
            return null;
        }

        var downside = DownsideDeviation(returns, requiredReturnPerPeriod);
        return downside == 0 ? null : (Mean(returns) - requiredReturnPerPeriod) / downside * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Annualised downside risk: sqrt(sum(min(r - t, 0)^2) / n) x sqrt(periodsPerYear) (empyrical's downside_risk).
    /// Null for an empty series; 0 when no return is below t.
    /// </summary>
    public static double? DownsideRisk(IReadOnlyList<double> returns, int periodsPerYear, double requiredReturnPerPeriod = 0)
    {
        Check(returns, periodsPerYear);
        CheckRate(requiredReturnPerPeriod, nameof(requiredReturnPerPeriod));
        return returns.Count == 0 ? null : DownsideDeviation(returns, requiredReturnPerPeriod) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>Annualised volatility: stdev(r, ddof 1) x sqrt(periodsPerYear). Null with fewer than two returns.</summary>
    public static double? AnnualVolatility(IReadOnlyList<double> returns, int periodsPerYear)
    {
        Check(returns, periodsPerYear);
        return returns.Count < 2 ? null : StandardDeviation(returns) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// Compound annual growth rate: prod(1 + r)^(periodsPerYear / n) - 1 (quantstats, empyrical's annual_return,
    /// R's Return.annualized geometric). Null for an empty series.
    /// </summary>
    public static double? Cagr(IReadOnlyList<double> returns, int periodsPerYear)
    {
        Check(returns, periodsPerYear);
        return returns.Count == 0 ? null : Annualise(Growth(returns), returns.Count, periodsPerYear);
    }

    /// <summary>
    /// Compound annual growth rate from two values: (end / start)^(periodsPerYear / periods) - 1 (freqtrade's
    /// calculate_cagr with periods = days and periodsPerYear = 365).
    /// </summary>
    public static double Cagr(double startValue, double endValue, double periods, int periodsPerYear)
    {
        if (!(double.IsFinite(startValue) && startValue > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(startValue), startValue, "The start value must be a positive number.");
        }

        if (!(double.IsFinite(endValue) && endValue >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(endValue), endValue, "The end value must be a finite number, 0 or more.");
        }

        if (!(double.IsFinite(periods) && periods > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(periods), periods, "The number of periods must be positive.");
        }

        CheckPeriods(periodsPerYear);
        return Annualise(endValue / startValue, periods, periodsPerYear);
    }

    /// <summary>
    /// Maximum drawdown, geometric: wealth starts at 1 (the starting capital is the first peak) and is compounded by each
    /// return; the result is max over t of 1 - wealth_t / peak_t, a <b>positive</b> fraction (0.1 = 10 % below the
    /// peak). 0 for an empty series or one that never falls.
    /// </summary>
    public static double MaxDrawdown(IReadOnlyList<double> returns)
    {
        Check(returns);
        double wealth = 1, peak = 1, deepest = 0;
        for (var i = 0; i < returns.Count; i++)
        {
            wealth *= 1 + returns[i];
            if (wealth > peak)
            {
                peak = wealth;
            }
            else
            {
                deepest = Math.Max(deepest, 1 - wealth / peak);
            }
        }

        return deepest;
    }

    /// <summary>Calmar ratio: <see cref="Cagr(IReadOnlyList{double}, int)"/> / <see cref="MaxDrawdown"/>. Null when the series is empty or never falls.</summary>
    public static double? Calmar(IReadOnlyList<double> returns, int periodsPerYear)
    {
        var drawdown = MaxDrawdown(returns);
        var cagr = Cagr(returns, periodsPerYear);
        return drawdown == 0 ? null : cagr / drawdown;
    }

    /// <summary>
    /// Omega ratio at a threshold t per period ("simple" method): sum(max(r - t, 0)) / sum(max(t - r, 0)).
    /// Null with fewer than two returns (as empyrical) or when no return is below t.
    /// </summary>
    public static double? Omega(IReadOnlyList<double> returns, double thresholdPerPeriod = 0)
    {
        Check(returns);
        CheckRate(thresholdPerPeriod, nameof(thresholdPerPeriod));
        if (returns.Count < 2)
        {
            return null;
        }

        double gains = 0, losses = 0;
        for (var i = 0; i < returns.Count; i++)
        {
            var excess = returns[i] - thresholdPerPeriod;
            if (excess > 0)
            {
                gains += excess;
            }
            else
            {
                losses -= excess;
            }
        }

        return losses == 0 ? null : gains / losses;
    }

    /// <summary>Total compounded return: prod(1 + r) - 1 (0 for an empty series).</summary>
    public static double Total(IReadOnlyList<double> returns)
    {
        Check(returns);
        return Growth(returns) - 1;
    }

    /// <summary>The compounded return after each period: element t is prod(1 + r_0..r_t) - 1.</summary>
    public static double[] Cumulative(IReadOnlyList<double> returns)
    {
        Check(returns);
        var cumulative = new double[returns.Count];
        double wealth = 1;
        for (var i = 0; i < returns.Count; i++)
        {
            wealth *= 1 + returns[i];
            cumulative[i] = wealth - 1;
        }

        return cumulative;
    }

    private static double Growth(IReadOnlyList<double> returns)
    {
        double wealth = 1;
        for (var i = 0; i < returns.Count; i++)
        {
            wealth *= 1 + returns[i];
        }

        return wealth;
    }

    private static double Annualise(double growth, double periods, int periodsPerYear) =>
        Math.Pow(growth, periodsPerYear / periods) - 1;

    private static double Mean(IReadOnlyList<double> values)
    {
        double sum = 0;
        for (var i = 0; i < values.Count; i++)
        {
            sum += values[i];
        }

        return sum / values.Count;
    }

    /// <summary>Sample standard deviation (ddof 1), two-pass; exactly 0 when all values are equal.</summary>
    private static double StandardDeviation(IReadOnlyList<double> values)
    {
        var first = values[0];
        var allEqual = true;
        for (var i = 1; i < values.Count && allEqual; i++)
        {
            allEqual = values[i] == first;
        }

        if (allEqual)
        {
            return 0;
        }

        var mean = Mean(values);
        double sumOfSquares = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var deviation = values[i] - mean;
            sumOfSquares += deviation * deviation;
        }

        return Math.Sqrt(sumOfSquares / (values.Count - 1));
    }

    /// <summary>sqrt(sum(min(r - t, 0)^2) / n) over all n values (not annualised).</summary>
    private static double DownsideDeviation(IReadOnlyList<double> returns, double threshold)
    {
        double sumOfSquares = 0;
        for (var i = 0; i < returns.Count; i++)
        {
            var shortfall = Math.Min(returns[i] - threshold, 0);
            sumOfSquares += shortfall * shortfall;
        }

        return Math.Sqrt(sumOfSquares / returns.Count);
    }

    private static void Check(IReadOnlyList<double> returns, int periodsPerYear)
    {
        Check(returns);
        CheckPeriods(periodsPerYear);
    }

    private static void Check(IReadOnlyList<double> returns)
    {
        ArgumentNullException.ThrowIfNull(returns);
        for (var i = 0; i < returns.Count; i++)
        {
            var r = returns[i];
            if (!double.IsFinite(r) || r < -1)
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"returns[{i}] is {r}: every return must be a finite number not below -1 (-1 = everything lost)."),
                    nameof(returns));
            }
        }
    }

    private static void CheckPeriods(int periodsPerYear)
    {
        if (periodsPerYear < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "periodsPerYear must be at least 1.");
        }
    }

    private static void CheckRate(double rate, string name)
    {
        if (!double.IsFinite(rate))
        {
            throw new ArgumentOutOfRangeException(name, rate, $"{name} must be a finite number.");
        }
    }
}
