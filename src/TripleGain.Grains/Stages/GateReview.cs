using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// The stage grain does not take a caller's word that a gate passed: it re-evaluates the submitted figures and ticks
/// against the seed's gate (<see cref="PhaseGates"/>), so a gate redefined without criteria or a result marked "pass"
/// beside a failing value does not promote. The figures themselves are the caller's measurements.
/// </summary>
internal static class GateReview
{
    /// <summary>
    /// The seed's evaluation of <paramref name="submitted"/>'s figures and ticks, or a problem when its gate is not one of
    /// the seed's gates. An evaluation of another step's (seed) gate is returned as submitted: Core refuses it as the
    /// wrong gate. Ticks by "system" or a blank name do not count.
    /// </summary>
    public static (GateEvaluation? Evaluation, string? Problem) Recheck(GateEvaluation submitted)
    {
        var official = PhaseGates.All.FirstOrDefault(g => g.Id == submitted.Gate.Id);
        if (official is null || !official.Equals(submitted.Gate))
        {
            return (null, $"The evaluation's gate '{submitted.Gate.Id}' ({submitted.Gate.From} -> {submitted.Gate.To}) is not the seed's gate of that id: evaluate PhaseGates.For(position).");
        }

        var inputs = GateInputs.None;
        foreach (var result in submitted.Criteria)
        {
            inputs = With(inputs, result);
        }

        var ticks = submitted.ManualItems
            .Select(m => m.Tick)
            .OfType<ManualTick>()
            .Where(t => StageStatus.IsPerson(t.By))
            .ToList();
        return (GateEvaluator.Evaluate(official, inputs, ticks), null);
    }

    private static GateInputs With(GateInputs inputs, CriterionResult result)
    {
        if (result.Value is not { } v)
        {
            return result.Criterion.Metric == GateMetric.ProfitFactor && result.Status == GateCheckStatus.Pass
                ? inputs with { ProfitFactor = null, ProfitFactorUnbounded = true }
                : inputs;
        }

        return result.Criterion.Metric switch
        {
            GateMetric.PaperTradingDays => inputs with { PaperTradingDays = v },
            GateMetric.DaysAtStage => inputs with { DaysAtStage = v },
            GateMetric.TradeCount => inputs with { TradeCount = (int)Math.Round(v) },
            GateMetric.Sharpe => inputs with { Sharpe = v },
            GateMetric.MaxDrawdown => inputs with { MaxDrawdown = v },
            GateMetric.WinRate => inputs with { WinRate = v },
            GateMetric.ProfitFactor => inputs with { ProfitFactor = v, ProfitFactorUnbounded = false },
            GateMetric.Uptime => inputs with { Uptime = v },
            GateMetric.DecisionLatencyP95Seconds => inputs with { DecisionLatencyP95 = TimeSpan.FromSeconds(v) },
            GateMetric.ParseSuccessRate => inputs with { ParseSuccessRate = v },
            GateMetric.LivePnlUsd => inputs with { LivePnlUsd = (decimal)v },
            GateMetric.AverageSlippage => inputs with { AverageSlippage = v },
            GateMetric.FillRate => inputs with { FillRate = v },
            _ => inputs,
        };
    }
}
