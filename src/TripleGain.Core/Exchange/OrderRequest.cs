using TripleGain.Core.Market;

namespace TripleGain.Core.Exchange;

/// <summary>
/// An order to send to an exchange. <see cref="ClientOrderId"/> is the idempotency key: an exchange never fills two
/// orders with the same key. <see cref="Volume"/> is in the base asset. <see cref="Price"/> is the limit price for
/// limit orders and the trigger price for stop-loss and take-profit orders. <see cref="Leverage"/> 1 is a cash trade.
/// <see cref="ReduceOnly"/> orders may only shrink an existing position. <see cref="StopLoss"/> and
/// <see cref="TakeProfit"/> are optional trigger prices attached to an entry: when the entry fills, the exchange places
/// a reduce-only stop-loss and take-profit that close the resulting position, one cancelling the other.
/// </summary>
public sealed record OrderRequest(
    string ClientOrderId,
    Pair Pair,
    OrderSide Side,
    OrderType Type,
    decimal Volume,
    decimal? Price = null,
    decimal Leverage = 1m,
    bool ReduceOnly = false,
    string? Reason = null,
    decimal? StopLoss = null,
    decimal? TakeProfit = null);
