using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Journal;

/// <summary>
/// An order as journaled (table <c>orders</c>). <see cref="ClientOrderId"/> is the idempotency key: the journal holds
/// at most one order per key, and recording it is the check made before execution. <see cref="Volume"/> is in the
/// base asset; <see cref="Price"/> is the limit or trigger price (null for market orders).
/// </summary>
public sealed record OrderRecord(
    string ClientOrderId,
    long? DecisionId,
    string AccountId,
    Pair Pair,
    OrderSide Side,
    OrderType Type,
    decimal Volume,
    decimal? Price,
    decimal Leverage,
    OrderRecordStatus Status,
    string? ExchangeOrderId,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>A new order (status Pending) for a request about to be sent.</summary>
    public static OrderRecord FromRequest(OrderRequest request, string accountId, long? decisionId, DateTime createdAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new OrderRecord(
            request.ClientOrderId, decisionId, accountId, request.Pair, request.Side, request.Type, request.Volume,
            request.Price, request.Leverage, OrderRecordStatus.Pending, ExchangeOrderId: null, createdAt, createdAt);
    }
}
