namespace TripleGain.Core.Exchange;

/// <summary>
/// A refusal by an exchange. <see cref="Code"/> is Kraken's error string (<see cref="KrakenErrors"/>), so paper and live
/// refusals read the same; <see cref="Message"/> explains it with the values and the rule.
/// </summary>
public sealed record ExchangeError(string Code, string Message)
{
    /// <summary>True for service errors that may pass when retried later (Kraken's EService category).</summary>
    public bool IsRetryable => Code.StartsWith("EService", StringComparison.Ordinal);

    public override string ToString() => $"{Code} ({Message})";
}
