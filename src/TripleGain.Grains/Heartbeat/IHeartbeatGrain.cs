namespace TripleGain.Grains.Heartbeat;

/// <summary>
/// A small persistent pulse of the silo: counts beats (calls) and reminder ticks and records where and when they
/// happened. It proves that grain state and reminders survive a restart and move between silos.
/// Key: a free name; the silo itself uses <see cref="ClusterKey"/> ("cluster").
/// </summary>
[Alias("triplegain.IHeartbeatGrain")]
public interface IHeartbeatGrain : IGrainWithStringKey
{
    /// <summary>The key of the heartbeat the silo starts for the whole cluster.</summary>
    const string ClusterKey = "cluster";

    /// <summary>The shortest reminder period Orleans reminders are meant for.</summary>
    static readonly TimeSpan MinimumPeriod = TimeSpan.FromMinutes(1);

    /// <summary>Records one beat, persists it and returns the new status.</summary>
    [Alias("BeatAsync")]
    Task<HeartbeatStatus> BeatAsync();

    /// <summary>The persisted counters, where the grain runs now and the registered reminder's period, if any.</summary>
    [Alias("GetStatusAsync")]
    Task<HeartbeatStatus> GetStatusAsync();

    /// <summary>
    /// Registers (or updates) the heartbeat reminder with the given period (at least <see cref="MinimumPeriod"/>).
    /// Idempotent: every silo may call it at start-up.
    /// </summary>
    [Alias("StartAsync")]
    Task StartAsync(TimeSpan period);

    /// <summary>Unregisters the heartbeat reminder, if registered.</summary>
    [Alias("StopAsync")]
    Task StopAsync();
}
