using System.Globalization;

namespace TripleGain.Core.Stages;

/// <summary>Formats a metric's value in its unit, invariant culture: "31.5 days", "12.50%", "1.23", "8.2 s", "$-3.20".</summary>
internal static class GateValueFormat
{
    public static string Format(GateMetric metric, double value) => metric switch
    {
        GateMetric.PaperTradingDays or GateMetric.DaysAtStage => Invariant($"{value:0.#} days"),
        GateMetric.TradeCount => Invariant($"{value:0}"),
        GateMetric.Sharpe or GateMetric.ProfitFactor => Invariant($"{value:0.00}"),
        GateMetric.DecisionLatencyP95Seconds => Invariant($"{value:0.0#} s"),
        GateMetric.LivePnlUsd => Invariant($"${value:0.00}"),
        _ => Invariant($"{value * 100:0.00}%"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
