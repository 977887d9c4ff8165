namespace TripleGain.Grains.Cycle;

/// <summary>
/// Runs the agent pipeline on a schedule. Key: "paper" (comparison mode: every active model trades its own paper
/// account) or "live". Owns the only reminder (at least one minute); a market clock faster than real time adds a grain
/// timer at the scaled interval. A tick starts the cycle in the background and returns at once; two cycles never run
/// at once, and missed ticks are caught up once (only the current cycle runs).
/// </summary>
[Alias("triplegain.ICycleGrain")]
public interface ICycleGrain : IGrainWithStringKey
{
    /// <summary>Registers the reminder (idempotent; every silo may call it at start-up).</summary>
    [Alias("StartAsync")]
    Task StartAsync();

    /// <summary>Unregisters the reminder and stops the timer.</summary>
    [Alias("StopAsync")]
    Task StopAsync();

    /// <summary>Runs the current cycle to completion (unless it ran already) and returns what it did.</summary>
    [Alias("RunOnceAsync")]
    Task<CycleSummary> RunOnceAsync();

    [Alias("GetStatusAsync")]
    Task<CycleStatus> GetStatusAsync();
}
