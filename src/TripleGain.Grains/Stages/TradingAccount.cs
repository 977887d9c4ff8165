namespace TripleGain.Grains.Stages;

/// <summary>One account the cycle trades, the model that decides for it and the model that stands in when it fails.</summary>
[GenerateSerializer, Immutable, Alias("triplegain.TradingAccount")]
public sealed record TradingAccount(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string ModelId,
    [property: Id(2)] string? FallbackModelId);
