namespace TripleGain.Grains.Stages;

/// <summary>
/// The model chosen for an account (null: none chosen, <see cref="TradingAccounts"/> applies the configuration's rule),
/// its changes (oldest first) and the last automatic-switch check.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.AccountModelView")]
public sealed record AccountModelView(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string? ModelId,
    [property: Id(2)] IReadOnlyList<ModelChange> Changes,
    [property: Id(3)] AutoSwitchCheck? LastCheck);
