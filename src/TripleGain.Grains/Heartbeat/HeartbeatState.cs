namespace TripleGain.Grains.Heartbeat;

/// <summary>The persisted state of a <see cref="IHeartbeatGrain"/>.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.HeartbeatState")]
public sealed record HeartbeatState
{
    /// <summary>Beats recorded through <see cref="IHeartbeatGrain.BeatAsync"/>.</summary>
    [Id(0)] public long Beats { get; init; }

    /// <summary>Reminder ticks received.</summary>
    [Id(1)] public long Ticks { get; init; }

    [Id(2)] public DateTimeOffset? LastBeatAt { get; init; }

    [Id(3)] public DateTimeOffset? LastTickAt { get; init; }

    /// <summary>The silo (Orleans runtime identity) that handled the last beat or tick.</summary>
    [Id(4)] public string? LastSilo { get; init; }

    /// <summary>The period the reminder was last registered with; null when stopped or never started.</summary>
    [Id(5)] public TimeSpan? Period { get; init; }
}
