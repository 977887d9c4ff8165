namespace TripleGain.Core.Selection;

/// <summary>
/// Weights of the composite score (they are divided by their sum, so only their ratios matter). Defaults:
/// <code>
/// Sharpe 0.30 | max drawdown 0.20 | profit factor 0.15 | win rate 0.10 | parse success 0.10 | uptime 0.05 | latency p95 0.05 | cost 0.05
/// </code>
/// Risk-adjusted return and its downside dominate (65%); trade quality 25%; operational figures 15% — a model that
/// fails operationally is already excluded by the eligibility rules, so they only separate otherwise close models.
/// </summary>
public sealed record SelectionWeights
{
    public static SelectionWeights Default { get; } = new();

    public double Sharpe { get; init => field = Check(value, nameof(Sharpe)); } = 0.30;

    public double MaxDrawdown { get; init => field = Check(value, nameof(MaxDrawdown)); } = 0.20;

    public double ProfitFactor { get; init => field = Check(value, nameof(ProfitFactor)); } = 0.15;

    public double WinRate { get; init => field = Check(value, nameof(WinRate)); } = 0.10;

    public double ParseSuccess { get; init => field = Check(value, nameof(ParseSuccess)); } = 0.10;

    public double Uptime { get; init => field = Check(value, nameof(Uptime)); } = 0.05;

    public double LatencyP95 { get; init => field = Check(value, nameof(LatencyP95)); } = 0.05;

    public double Cost { get; init => field = Check(value, nameof(Cost)); } = 0.05;

    /// <summary>Sum of all weights.</summary>
    public double Total => Sharpe + MaxDrawdown + ProfitFactor + WinRate + ParseSuccess + Uptime + LatencyP95 + Cost;

    /// <summary>The weight of <paramref name="metric"/>.</summary>
    public double Of(SelectionMetric metric) => metric switch
    {
        SelectionMetric.Sharpe => Sharpe,
        SelectionMetric.MaxDrawdown => MaxDrawdown,
        SelectionMetric.WinRate => WinRate,
        SelectionMetric.ProfitFactor => ProfitFactor,
        SelectionMetric.Uptime => Uptime,
        SelectionMetric.LatencyP95 => LatencyP95,
        SelectionMetric.ParseSuccess => ParseSuccess,
        SelectionMetric.Cost => Cost,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown selection metric."),
    };

    private static double Check(double value, string name) =>
        double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"The weight {name} must be a finite number, 0 or more.");
}
