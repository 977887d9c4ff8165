namespace TripleGain.Core.Configuration;

/// <summary>The <c>monitoring.*</c> section.</summary>
public sealed record MonitoringConfig(TimeSpan EquitySnapshotInterval, decimal AlertDrawdownPct, bool LogDecisions);
