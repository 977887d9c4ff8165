namespace TripleGain.Core.Agents;

/// <summary>
/// The RiskAgent's answer to one decision. When approved or resized, <see cref="SizePct"/>, <see cref="NotionalUsd"/>
/// and <see cref="Volume"/> (base asset) are the size allowed. A rejection or a resize names the <see cref="Rule"/>
/// (e.g. "max_single_order_usd") and a <see cref="Reason"/> with the numbers.
/// </summary>
public sealed record RiskVerdict(
    TradeDecision Decision,
    RiskOutcome Outcome,
    decimal SizePct,
    decimal NotionalUsd,
    decimal Volume,
    decimal Leverage,
    decimal? StopLoss,
    decimal? TakeProfit,
    string? Rule,
    string Reason)
{
    public bool IsApproved => Outcome != RiskOutcome.Rejected;
}
