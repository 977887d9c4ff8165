namespace TripleGain.Grains.Portfolio;

/// <summary>
/// An order whose journal status still trails the paper exchange (part of the portfolio's journal outbox): the
/// exchange's order id (null when the exchange refused it) and when the change happened.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.PendingOrderStatus")]
public sealed record PendingOrderStatus(
    [property: Id(0)] string ClientOrderId,
    [property: Id(1)] string? OrderId,
    [property: Id(2)] DateTime At);
