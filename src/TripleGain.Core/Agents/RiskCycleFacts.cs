namespace TripleGain.Core.Agents;

/// <summary>
/// What the risk agent has already approved earlier in the same cycle (for the same account or model), so that one
/// cycle's decisions together respect max_trades_per_day and max_leverage. <see cref="ApprovedTrades"/> counts approved
/// orders; <see cref="ApprovedNotionalUsd"/> sums the notional of approved orders that open or increase a position.
/// </summary>
public sealed record RiskCycleFacts(int ApprovedTrades, decimal ApprovedNotionalUsd)
{
    public static RiskCycleFacts None { get; } = new(0, 0m);
}
