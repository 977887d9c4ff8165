namespace TripleGain.Grains.Operator;

/// <summary>
/// One change the operator's pages show, as the grains publish it through <see cref="IOperatorFeedGrain"/>: what kind,
/// and its subject (the cycle id, the account id or the stop's key). It says what moved, not the new data: the pages
/// read that through their facades.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.OperatorChange")]
public sealed record OperatorChange(
    [property: Id(0)] OperatorChangeKind Kind,
    [property: Id(1)] string Subject);
