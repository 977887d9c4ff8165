using TripleGain.Core.Stages;

namespace TripleGain.Silo.Services;

/// <summary>
/// The stages, gates, promotion and the emergency stop, for the overview, the app bar and the gates page. Actions name
/// the signed-in person (<c>by</c>) and are journalled with who, when and why; a refused action changes nothing and
/// says why.
/// </summary>
public interface IStageDesk
{
    /// <summary>The short form for the overview and the app bar.</summary>
    Task<StageSummary> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>Every account's stage with its gates evaluated against live figures and the persons' ticks.</summary>
    Task<StageBoard> ReadBoardAsync(CancellationToken cancellationToken = default);

    /// <summary>A person ticks a manual item of an account's gate, with a note (journalled).</summary>
    Task<DeskResult> TickAsync(string accountId, string gateId, string itemId, string by, string? note, CancellationToken cancellationToken = default);

    /// <summary>Promotes an account one step up when its gate passes (re-evaluated now), recording who and why.</summary>
    Task<DeskResult> PromoteAsync(string accountId, string by, string reason, CancellationToken cancellationToken = default);

    /// <summary>The global emergency stop while it is set, else null (the app bar's button: one grain read).</summary>
    Task<EmergencyStop?> GlobalStopAsync(CancellationToken cancellationToken = default);

    /// <summary>The global emergency stop: halts every cycle of every account and cancels open orders; stays set across restarts.</summary>
    Task<DeskResult> EmergencyStopAsync(string by, string reason, CancellationToken cancellationToken = default);

    /// <summary>Lifts the global emergency stop (a named person only).</summary>
    Task<DeskResult> ResumeAsync(string by, string reason, CancellationToken cancellationToken = default);
}
