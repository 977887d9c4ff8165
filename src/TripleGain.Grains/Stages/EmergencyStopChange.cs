namespace TripleGain.Grains.Stages;

/// <summary>One change of the global emergency stop: set (<see cref="Stopped"/>) or lifted, by whom, when (UTC) and why.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.EmergencyStopChange")]
public sealed record EmergencyStopChange(
    [property: Id(0)] bool Stopped,
    [property: Id(1)] string By,
    [property: Id(2)] DateTime At,
    [property: Id(3)] string Reason);
