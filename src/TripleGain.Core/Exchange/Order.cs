namespace TripleGain.Core.Exchange;

/// <summary>
/// An order accepted by an exchange. <see cref="Sequence"/> orders orders by arrival. <see cref="EstimatedPrice"/> is
/// the price used to check funds and hold them while the order rests. Orders that protect a position (the stop-loss and
/// take-profit attached to an entry) have a <see cref="ParentOrderId"/> and <see cref="ClosesPosition"/>: when they
/// trigger they close the whole position, whatever its volume then. When closed, <see cref="ClosedAt"/> is set, and for a
/// fill <see cref="TradeId"/>, <see cref="FillPrice"/> and <see cref="FilledVolume"/>; <see cref="Reason"/> says why an
/// order was canceled.
/// </summary>
public sealed record Order(
    string OrderId,
    long Sequence,
    OrderRequest Request,
    DateTime PlacedAt,
    OrderStatus Status,
    decimal EstimatedPrice,
    string? ParentOrderId = null,
    bool ClosesPosition = false,
    DateTime? ClosedAt = null,
    string? TradeId = null,
    decimal? FillPrice = null,
    decimal? FilledVolume = null,
    string? Reason = null)
{
    public bool IsOpen => Status == OrderStatus.Open;
}
