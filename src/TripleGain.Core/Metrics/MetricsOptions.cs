namespace TripleGain.Core.Metrics;

/// <summary>
/// Conventions for <see cref="PerformanceReport.Compute"/>.
/// <list type="bullet">
/// <item><see cref="PeriodsPerYear"/>: daily returns are annualised with this many periods per year; 365 by default
/// because crypto trades every day (equities use 252). Annualised volatility = stdev(ddof 1) x sqrt(p);
/// CAGR = prod(1 + r)^(p / n) - 1 over the n daily returns.</item>
/// <item><see cref="AnnualRiskFreeRate"/>: an annual rate, 0 by default, turned into a daily rate
/// rf = (1 + annual)^(1 / p) - 1. Sharpe = mean(r - rf) / stdev(r - rf, ddof 1) x sqrt(p);
/// Sortino = mean(r - rf) / sqrt(sum(min(r - rf, 0)^2) / n) x sqrt(p) (quantstats' and empyrical's convention:
/// the downside deviation divides by all n periods, not only the losing ones).</item>
/// </list>
/// See src/TripleGain.Core/Metrics/README.md for every convention and where it matches quantstats, empyrical, R
/// PerformanceAnalytics and freqtrade.
/// </summary>
public sealed record MetricsOptions
{
    /// <summary>365 periods a year, no risk-free rate.</summary>
    public static MetricsOptions Default { get; } = new();

    /// <summary>Periods per year used to annualise daily statistics (365 for 24/7 crypto markets, 252 for equities).</summary>
    public int PeriodsPerYear
    {
        get;
        init => field = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PeriodsPerYear), value, "PeriodsPerYear must be at least 1.");
    } = 365;

    /// <summary>Annual risk-free rate as a fraction (0.04 = 4 % a year); must be finite and greater than -1.</summary>
    public double AnnualRiskFreeRate
    {
        get;
        init => field = double.IsFinite(value) && value > -1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(AnnualRiskFreeRate), value, "AnnualRiskFreeRate must be a finite fraction greater than -1.");
    }

    /// <summary>The risk-free rate per period: (1 + annual)^(1 / PeriodsPerYear) - 1 (exactly 0 when the annual rate is 0).</summary>
    public double RiskFreePerPeriod => AnnualRiskFreeRate == 0 ? 0 : Math.Pow(1 + AnnualRiskFreeRate, 1.0 / PeriodsPerYear) - 1;
}
