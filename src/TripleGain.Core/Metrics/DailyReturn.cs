namespace TripleGain.Core.Metrics;

/// <summary>
/// One UTC calendar day of an equity curve: the equity at the day's last point (carried forward over days without a
/// point) and the simple return against the previous day's close (for the first day: against the curve's first point).
/// </summary>
public readonly record struct DailyReturn(DateOnly Day, decimal CloseEquity, double Return);
