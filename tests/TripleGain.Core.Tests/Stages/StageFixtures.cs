using TripleGain.Core.Stages;

namespace TripleGain.Core.Tests.Stages;

/// <summary>Statuses at each position and gate evaluations that pass, built through the public transitions.</summary>
internal static class StageFixtures
{
    /// <summary>Monday 2024-03-04 00:00 UTC.</summary>
    public static readonly DateTime T0 = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    public const string Operator = "alice";

    /// <summary>Figures that pass every seed gate.</summary>
    public static readonly GateInputs Good = new()
    {
        PaperTradingDays = 31,
        DaysAtStage = 31,
        TradeCount = 45,
        Sharpe = 1.5,
        MaxDrawdown = 0.05,
        WinRate = 0.55,
        ProfitFactor = 1.8,
        Uptime = 0.999,
        DecisionLatencyP95 = TimeSpan.FromSeconds(4),
        ParseSuccessRate = 0.995,
        LivePnlUsd = 12.5m,
        AverageSlippage = 0.001,
        FillRate = 0.99,
    };

    public static ManualTick[] AllTicks(PhaseGate gate, DateTime at) =>
        [.. gate.ManualItems.Select(item => new ManualTick(gate.Id, item.Id, Operator, at, "done"))];

    public static GateEvaluation Passing(StagePosition from, DateTime at)
    {
        var gate = PhaseGates.For(from).ShouldNotBeNull();
        var evaluation = GateEvaluator.Evaluate(gate, Good, AllTicks(gate, at));
        evaluation.Passed.ShouldBeTrue();
        return evaluation;
    }

    /// <summary>
    /// A status started in paper 10 days before <paramref name="arrivedAt"/> (default <see cref="T0"/>) and promoted step by
    /// step, an hour apart, so that the last promotion (the arrival at <paramref name="target"/>) is at <paramref name="arrivedAt"/>.
    /// </summary>
    public static StageStatus At(StagePosition target, DateTime? arrivedAt = null)
    {
        var arrival = arrivedAt ?? T0;
        var status = StageStatus.Start(arrival.AddDays(-10));
        while (status.Position != target)
        {
            var remaining = target.Index - status.Position.Index;
            remaining.ShouldBePositive($"{target} is below the paper phase");
            var at = arrival.AddHours(-(remaining - 1));
            var result = status.Promote(Passing(status.Position, at), Operator, "gates pass", at);
            result.Applied.ShouldBeTrue(result.Refusal?.ToString());
            status = result.Status;
        }

        return status;
    }
}
