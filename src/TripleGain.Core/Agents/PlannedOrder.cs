using TripleGain.Core.Exchange;

namespace TripleGain.Core.Agents;

/// <summary>
/// One order the coordinator emits. For an order that opens or increases a position, the verdict's stop-loss and
/// take-profit ride on the <see cref="Entry"/> (<see cref="OrderRequest.StopLoss"/>, <see cref="OrderRequest.TakeProfit"/>):
/// the exchange places them as linked reduce-only orders (one cancels the other) for the volume filled, once the entry
/// has filled. <see cref="Owner"/> is the model id, or "consensus"; <see cref="Models"/> the models whose decisions it
/// carries; <see cref="Confidence"/> the decision's confidence (the mean of the agreeing models' in consensus);
/// <see cref="Adjustment"/> says when the coordinator scaled the verdict's volume down.
/// </summary>
public sealed record PlannedOrder(
    string Owner,
    IReadOnlyList<string> Models,
    RiskVerdict Verdict,
    TradeIntent Intent,
    double Confidence,
    OrderRequest Entry,
    string? Adjustment)
{
    /// <summary>The stop-loss trigger attached to the entry, if any.</summary>
    public decimal? StopLoss => Entry.StopLoss;

    /// <summary>The take-profit trigger attached to the entry, if any.</summary>
    public decimal? TakeProfit => Entry.TakeProfit;
}
