using TripleGain.Core.Stages;

namespace TripleGain.Silo.Services;

/// <summary>
/// One account on the stage ladder for the gates page: its position, week of the phase, days in the phase and at the
/// stage, its own emergency stop and pause, what needs a person's approval now, the exit gate of its position evaluated
/// with live figures and ticks (<see cref="Gate"/>, null at $2,100), the gate after that (<see cref="NextGate"/>, for
/// information) and its transitions, newest first.
/// </summary>
public sealed record AccountStage(
    string AccountId,
    StagePosition Position,
    int WeekOfPhase,
    double DaysInPhase,
    double DaysAtStage,
    EmergencyStop? Stop,
    TradingPause? Pause,
    string ApprovalRule,
    GateEvaluation? Gate,
    GateEvaluation? NextGate,
    IReadOnlyList<StageTransition> History)
{
    /// <summary>The promote button's state: a gate to pass, it passes, and nothing halts the account.</summary>
    public bool CanPromote(EmergencyStop? globalStop) => Gate is { Passed: true } && Stop is null && Pause is null && globalStop is null;
}
