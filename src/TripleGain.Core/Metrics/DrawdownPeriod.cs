namespace TripleGain.Core.Metrics;

/// <summary>
/// One fall of the equity from a running peak to a trough. <see cref="Depth"/> is a positive fraction of the peak
/// (0.25 = the equity stood 25 % below its peak) and <see cref="AmountUsd"/> the positive loss in USD, peak minus
/// trough. <see cref="PeakTime"/> is the last time the equity stood at the peak before the fall;
/// <see cref="RecoveryTime"/> is the first time after the trough the equity was back at or above the peak, or null
/// when it had not recovered by the end of the curve.
/// </summary>
public sealed record DrawdownPeriod(
    double Depth,
    decimal AmountUsd,
    DateTime PeakTime,
    decimal PeakEquity,
    DateTime TroughTime,
    decimal TroughEquity,
    DateTime? RecoveryTime)
{
    /// <summary>True when the equity came back to the peak before the end of the curve.</summary>
    public bool Recovered => RecoveryTime is not null;
}
