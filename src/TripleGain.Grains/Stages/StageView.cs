using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// An account's stage as the UI and the cycle see it: the persisted <see cref="Status"/> (with its history), the
/// market time <see cref="Now"/>, the <see cref="Settings"/> of the stage rules, the global emergency stop (when set)
/// and the last rollback check. <see cref="Rules"/> are computed from these (the global stop halts the account like its
/// own stop) and are not serialized.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.StageView")]
public sealed record StageView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] StageStatus Status,
    [property: Id(2)] DateTime Now,
    [property: Id(3)] StageRuleSettings Settings,
    [property: Id(4)] EmergencyStop? GlobalStop,
    [property: Id(5)] RollbackCheck? LastRollbackCheck)
{
    /// <summary>The status with the global stop folded in (the account's own stop wins when both are set).</summary>
    public StageStatus EffectiveStatus =>
        GlobalStop is null || Status.Stop is not null
            ? Status
            : Status with { Stop = new EmergencyStop(GlobalStop.By, GlobalStop.At, $"global emergency stop of every account: {GlobalStop.Reason}") };

    /// <summary>The rules in force at <see cref="Now"/>: <c>StageRules.For(EffectiveStatus, Now, Settings)</c>.</summary>
    public StageRules Rules => StageRules.For(EffectiveStatus, Now, Settings);

    /// <summary>The gate out of the current position (null at $2,100): what the gates page evaluates and Promote needs.</summary>
    public PhaseGate? NextGate => PhaseGates.For(Status.Position);

    /// <summary>The account's own stop or the global one is set: nothing trades and open orders are cancelled.</summary>
    public bool IsEmergencyStopped => EffectiveStatus.IsEmergencyStopped;
}
