using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// A decision model's output for one pair in one cycle.
/// <see cref="SizePct"/> is the position size as a percentage of account equity (0..100);
/// <see cref="Confidence"/> is 0..1; stop-loss and take-profit are prices in the pair's quote asset.
/// </summary>
public sealed record TradeDecision(
    string ModelId,
    Pair Pair,
    TradeAction Action,
    decimal SizePct,
    double Confidence,
    decimal? StopLoss,
    decimal? TakeProfit,
    string Reasoning,
    DateTime Timestamp)
{
    public static TradeDecision Hold(string modelId, Pair pair, DateTime timestamp, string reasoning) =>
        new(modelId, pair, TradeAction.Hold, 0m, 0d, null, null, reasoning, timestamp);
}
