using TripleGain.Core.Agents;

namespace TripleGain.Journal;

/// <summary>
/// The RiskAgent's answer to one decision (table <c>risk_verdicts</c>, at most one per decision). The approved size,
/// notional (USD) and volume (base asset) are what the verdict allows; <see cref="Rule"/> names the rule that rejected
/// or resized.
/// </summary>
public sealed record RiskVerdictRecord(
    RiskOutcome Outcome,
    string? Rule,
    string Reason,
    decimal ApprovedSizePct,
    decimal ApprovedNotionalUsd,
    decimal ApprovedVolume,
    decimal Leverage,
    decimal? StopLoss,
    decimal? TakeProfit)
{
    public static RiskVerdictRecord FromVerdict(RiskVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        return new RiskVerdictRecord(
            verdict.Outcome, verdict.Rule, verdict.Reason, verdict.SizePct, verdict.NotionalUsd, verdict.Volume,
            verdict.Leverage, verdict.StopLoss, verdict.TakeProfit);
    }
}
