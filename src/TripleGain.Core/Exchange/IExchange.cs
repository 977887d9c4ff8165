namespace TripleGain.Core.Exchange;

/// <summary>
/// The order path to an exchange, the same for paper (<see cref="PaperExchange"/>) and live (a Kraken client).
/// Placing is idempotent by <see cref="OrderRequest.ClientOrderId"/>: a key seen before returns the original result
/// and creates no second order. Refusals carry Kraken's error strings (<see cref="KrakenErrors"/>).
/// </summary>
public interface IExchange
{
    OrderResult PlaceOrder(OrderRequest request, DateTime now);

    /// <summary>Cancels an open order; <c>EOrder:Unknown order</c> when it is not open (unknown, filled or canceled).</summary>
    OrderResult Cancel(string orderId, DateTime now);

    /// <summary>Open orders, oldest first.</summary>
    IReadOnlyList<Order> OpenOrders { get; }
}
