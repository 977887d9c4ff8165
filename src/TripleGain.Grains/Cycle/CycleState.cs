namespace TripleGain.Grains.Cycle;

/// <summary>Where the trading cycle stands, as the /health endpoint reports it.</summary>
public enum CycleState
{
    /// <summary>No cycle has run yet (healthy: the silo is up and waits).</summary>
    NotStarted,

    /// <summary>Cycles run and the last one completed (healthy).</summary>
    Running,

    /// <summary>Cycles are late or a model is failing; trading goes on (degraded).</summary>
    Stalled,

    /// <summary>The cycle cannot run (unhealthy).</summary>
    Failed,
}
