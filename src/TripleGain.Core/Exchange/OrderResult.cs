using System.Diagnostics.CodeAnalysis;

namespace TripleGain.Core.Exchange;

/// <summary>The answer to placing or canceling an order: the order (accepted) or the exchange's error (rejected).</summary>
public sealed record OrderResult(Order? Order, ExchangeError? Error)
{
    [MemberNotNullWhen(true, nameof(Order))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsAccepted => Error is null && Order is not null;

    public static OrderResult Accepted(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return new(order, null);
    }

    public static OrderResult Rejected(ExchangeError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new(null, error);
    }

    public static OrderResult Rejected(string code, string message) => Rejected(new ExchangeError(code, message));
}
