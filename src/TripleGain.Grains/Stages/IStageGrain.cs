using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// Where one account stands on the operator's journey (Core's <see cref="StageStatus"/>, persisted) and the rules in
/// force for it. Key: the account id, e.g. "paper:baseline" or "live:main". An account is created on first use in
/// phase 2 paper trading (<see cref="StageStatus.Start"/>); live phases are reached only by promotion.
/// <para>Every change goes through Core's transition functions and is journalled with who, when and why: emergency
/// stops and resumes in the journal's emergency stops, everything else (the start included) in its stage transitions.
/// A refused change returns the typed refusal and changes nothing; blank names or reasons throw
/// <see cref="ArgumentException"/>. Times are the market clock's (never earlier than the last transition).</para>
/// <para>Promote, <see cref="ResumeAsync"/> and <see cref="ResumeTradingAsync"/> need a named person ("system" is
/// refused); the emergency stop and the pause may also be set by "system". The account-wide switch of every account at
/// once is <see cref="IEmergencyStopGrain"/>; <see cref="GetAsync"/> folds it into the rules.</para>
/// </summary>
[Alias("triplegain.IStageGrain")]
public interface IStageGrain : IGrainWithStringKey
{
    /// <summary>The status, the global stop and the rules in force now (<see cref="StageView.Rules"/>).</summary>
    [Alias("GetAsync")]
    Task<StageView> GetAsync();

    /// <summary>
    /// One step up the ladder. <paramref name="evaluation"/> must be the seed's gate of exactly that step
    /// (<see cref="PhaseGates.For"/>) and must pass: the grain re-evaluates its figures and ticks against the seed's gate,
    /// so a changed gate or a forged pass is refused. Refused too while stopped (this account or globally) or paused.
    /// </summary>
    [Alias("PromoteAsync")]
    Task<StageCommandResult> PromoteAsync(string by, string reason, GateEvaluation evaluation);

    /// <summary>Sets this account's emergency stop (a person or "system") and cancels its open orders at once.</summary>
    [Alias("EmergencyStopAsync")]
    Task<StageCommandResult> EmergencyStopAsync(string by, string reason);

    /// <summary>Lifts this account's emergency stop; only a named person may. A pause, if any, stays.</summary>
    [Alias("ResumeAsync")]
    Task<StageCommandResult> ResumeAsync(string by, string reason);

    /// <summary>Pauses trading at the current stage (a person or "system"); open orders stay.</summary>
    [Alias("PauseAsync")]
    Task<StageCommandResult> PauseAsync(string by, string reason);

    /// <summary>Ends a pause (a named person); the rollback rules measure afresh from now.</summary>
    [Alias("ResumeTradingAsync")]
    Task<StageCommandResult> ResumeTradingAsync(string by, string reason);

    /// <summary>
    /// Applies the seed's rollback rules (<see cref="RollbackRules"/>) to the account's equity curve at
    /// <paramref name="nowUtc"/>: a 10% drawdown steps one stage down (pauses at $100), 15% at $2,100 halves to $1,000,
    /// three losing weeks pause. What fired is applied and journalled by "system"; the check is kept as
    /// <see cref="StageView.LastRollbackCheck"/>. The cycle calls it at most once per market day for live stages.
    /// </summary>
    [Alias("EvaluateRollbacksAsync")]
    Task<RollbackCheck> EvaluateRollbacksAsync(IReadOnlyList<EquityPoint> equity, DateTime nowUtc);
}
