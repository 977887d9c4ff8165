using TripleGain.Core.Stages;

namespace TripleGain.Silo.Services;

/// <summary>
/// The stage as the overview and the app bar show it: the position ("phase 2 paper trading"), the emergency stop and
/// pause (null when not active), how many trades wait for approval, automatic changes (rollbacks, pauses) of the
/// last days with their reason, and the accounts that do not trade for another reason than a stop or pause
/// (<see cref="WaitingForPromotion"/>: "paper:baseline: phase 1 foundation: promote to paper trading to start").
/// </summary>
public sealed record StageSummary(
    string Position,
    EmergencyStop? EmergencyStop,
    TradingPause? Pause,
    int PendingApprovals,
    IReadOnlyList<string> RecentAutomaticChanges,
    IReadOnlyList<string>? WaitingForPromotion = null);
