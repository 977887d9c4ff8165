namespace TripleGain.Grains.Cycle;

/// <summary>
/// A singleton (one per silo process) the cycle updates after each run and the "cycle" health check reads.
/// Thread-safe: the last report wins.
/// </summary>
public sealed class CycleHealth
{
    private CycleReport current = CycleReport.NotStarted;

    public CycleReport Current => Volatile.Read(ref current);

    public void Report(CycleReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Volatile.Write(ref current, report);
    }
}
