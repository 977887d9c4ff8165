using TripleGain.Core.Agents;

namespace TripleGain.Llm.Tests.Decisions;

/// <summary>An independent re-check of what a parsed decision must satisfy, written apart from the parser.</summary>
public static class DecisionInvariants
{
    /// <summary>Null when the decision is valid for the context, else what is wrong.</summary>
    public static string? Violation(TradeDecision d, DecisionContext context, string modelId)
    {
        if (d.ModelId != modelId) return "model id";
        if (d.Timestamp != context.Timestamp) return "timestamp";
        if (!context.Pairs.Contains(d.Pair)) return "pair";
        if (!Enum.IsDefined(d.Action)) return "action";
        if (d.SizePct < 0 || d.SizePct > 100) return "size range";
        if (!double.IsFinite(d.Confidence) || d.Confidence < 0 || d.Confidence > 1) return "confidence";
        if (string.IsNullOrWhiteSpace(d.Reasoning)) return "reasoning";
        if (d.Action is TradeAction.Buy or TradeAction.Sell)
        {
            if (d.SizePct <= 0 || d.SizePct > context.Constraints.MaxPositionPct) return "size limit";
            var price = context.Market[d.Pair]!.LastPrice;
            var buy = d.Action == TradeAction.Buy;
            if (d.StopLoss is { } s && (s <= 0 || (buy ? s >= price : s <= price))) return "stop side";
            if (d.TakeProfit is { } t && (t <= 0 || (buy ? t <= price : t >= price))) return "take side";
        }
        else if (d.StopLoss is not null || d.TakeProfit is not null)
        {
            return "stops on a non-opening action";
        }

        if (d.Action == TradeAction.Hold && d.SizePct != 0) return "hold size";
        return null;
    }
}
