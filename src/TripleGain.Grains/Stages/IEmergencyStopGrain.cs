namespace TripleGain.Grains.Stages;

/// <summary>
/// The global emergency stop, the UI's always-visible button: it halts trading on every account of every cycle and
/// stays set (persisted, across restarts) until a named person resumes it. Key: <see cref="EmergencyStopKeys.Global"/>
/// (the only key). Stopping cancels the open orders of every configured account at once; while it is set each cycle
/// still syncs the accounts (marks, equity) and cancels any open order it finds, but runs no model and places nothing.
/// It is separate from an account's own stop (<see cref="IStageGrain.EmergencyStopAsync"/>): lifting one never lifts
/// the other. Changes are journalled as emergency stops of the account id "global".
/// </summary>
[Alias("triplegain.IEmergencyStopGrain")]
public interface IEmergencyStopGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<EmergencyStopView> GetAsync();

    /// <summary>Sets the stop (a person or "system"; refused when already set) and cancels every account's open orders.</summary>
    [Alias("StopAsync")]
    Task<EmergencyStopResult> StopAsync(string by, string reason);

    /// <summary>Lifts the stop; only a named person may (refused for "system" and when not set).</summary>
    [Alias("ResumeAsync")]
    Task<EmergencyStopResult> ResumeAsync(string by, string reason);
}
