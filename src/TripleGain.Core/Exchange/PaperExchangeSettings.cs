namespace TripleGain.Core.Exchange;

/// <summary>
/// Settings of the paper exchange. <see cref="SlippageBps"/> is charged against the taker on every taker fill (market
/// orders, triggered stop-loss and take-profit orders, limit orders filled at a gapped open), in basis points of the
/// price. Fees come from the <see cref="Market.PairCatalog"/> (use <c>PairCatalog.WithFees</c> to change them).
/// </summary>
public sealed record PaperExchangeSettings(decimal SlippageBps = 5m)
{
    public static PaperExchangeSettings Default { get; } = new();

    public void Validate()
    {
        if (SlippageBps < 0m || SlippageBps >= 1000m)
        {
            throw new ArgumentOutOfRangeException(nameof(SlippageBps), SlippageBps, $"Slippage must be in [0, 1000) basis points; got {SlippageBps}.");
        }
    }
}
