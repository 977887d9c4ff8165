using TripleGain.Core.Configuration;
using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// The stage rules' settings of a configuration: the seed's defaults, approvals expiring after
/// safety.approval_timeout_minutes, new accounts starting in stages.start_phase.
/// </summary>
internal static class StageSettings
{
    public static StageRuleSettings From(TradingConfig config)
    {
        // models.auto_switch_enabled is the one switch: on, the running model may change to the selector's best in
        // phase 2 and at the scale stages; micro-live (phase 3) never switches whatever it says.
        var settings = StageRuleSettings.Default with
        {
            StartPhase = config.Stages.StartPhase,
            AutoSwitchInScale = config.Models.AutoSwitchEnabled,
        };
        return config.Safety.ApprovalTimeout > TimeSpan.Zero
            ? settings with { ApprovalExpiry = config.Safety.ApprovalTimeout }
            : settings;
    }
}
