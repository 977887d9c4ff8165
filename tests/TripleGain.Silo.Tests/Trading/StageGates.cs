using TripleGain.Core.Stages;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>Gate evaluations for tests: every figure comfortably passing (or a few failing) and every item ticked by a person.</summary>
internal static class StageGates
{
    public static GateInputs PassingInputs { get; } = new()
    {
        PaperTradingDays = 31,
        DaysAtStage = 31,
        TradeCount = 50,
        Sharpe = 2,
        MaxDrawdown = 0.05,
        WinRate = 0.6,
        ProfitFactor = 2,
        Uptime = 1,
        DecisionLatencyP95 = TimeSpan.FromSeconds(1),
        ParseSuccessRate = 1,
        LivePnlUsd = 10,
        AverageSlippage = 0.001,
        FillRate = 1,
    };

    public static GateEvaluation Passing(PhaseGate gate, DateTime at) => GateEvaluator.Evaluate(gate, PassingInputs, Ticks(gate, at));

    /// <summary>Twelve days of paper trading and a Sharpe of 0.4: the paper -> micro-live gate fails on both.</summary>
    public static GateEvaluation Failing(PhaseGate gate, DateTime at) =>
        GateEvaluator.Evaluate(gate, PassingInputs with { PaperTradingDays = 12, Sharpe = 0.4 }, Ticks(gate, at));

    private static List<ManualTick> Ticks(PhaseGate gate, DateTime at) =>
        [.. gate.ManualItems.Select(item => new ManualTick(gate.Id, item.Id, "alice", at, "checked"))];
}
