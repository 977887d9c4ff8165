namespace TripleGain.Grains.Stages;

/// <summary>The key of the one <see cref="IEmergencyStopGrain"/>, also its account id in the journal.</summary>
public static class EmergencyStopKeys
{
    public const string Global = "global";
}
