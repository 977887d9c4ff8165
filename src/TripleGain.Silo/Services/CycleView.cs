namespace TripleGain.Silo.Services;

/// <summary>The trading cycle as the overview shows it: the last completed cycle's market time and duration, how many ran, whether one runs now, its health line and last error.</summary>
public sealed record CycleView(
    DateTime? LastCompletedAt,
    double LastDurationMs,
    long CyclesRun,
    bool Running,
    bool Enabled,
    TimeSpan Interval,
    string Health,
    string? LastError);
