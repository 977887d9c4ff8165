namespace TripleGain.Grains.Heartbeat;

/// <summary>What a <see cref="IHeartbeatGrain"/> reports.</summary>
/// <param name="State">The persisted counters.</param>
/// <param name="Silo">The silo (Orleans runtime identity) the grain is active on now.</param>
/// <param name="ReminderRegistered">Whether the reminder table holds this grain's heartbeat reminder.</param>
[GenerateSerializer, Immutable, Alias("triplegain.HeartbeatStatus")]
public sealed record HeartbeatStatus(
    [property: Id(0)] HeartbeatState State,
    [property: Id(1)] string Silo,
    [property: Id(2)] bool ReminderRegistered);
