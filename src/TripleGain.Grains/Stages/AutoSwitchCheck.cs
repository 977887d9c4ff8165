namespace TripleGain.Grains.Stages;

/// <summary>
/// One run of the automatic model switch for an account: when (market time), the model that was trading, the
/// selector's best model (null when it named none), whether it switched and why (the selector's reason when it did).
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.AutoSwitchCheck")]
public sealed record AutoSwitchCheck(
    [property: Id(0)] DateTime At,
    [property: Id(1)] string Current,
    [property: Id(2)] string? Best,
    [property: Id(3)] bool Switched,
    [property: Id(4)] string Reason);
