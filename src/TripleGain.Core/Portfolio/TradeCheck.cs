namespace TripleGain.Core.Portfolio;

/// <summary>The answer of <see cref="Account.Check"/>: accepted, or the rejection and a message with the numbers.</summary>
public readonly record struct TradeCheck(TradeRejection Rejection, string Message)
{
    public static TradeCheck Accepted { get; } = new(TradeRejection.None, "accepted");

    public bool IsAccepted => Rejection == TradeRejection.None;

    public static TradeCheck Reject(TradeRejection rejection, string message) => new(rejection, message);
}
