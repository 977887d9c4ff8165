using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>
/// The RiskAgent's input for one decision. <see cref="Price"/> is the pair's current price in its quote asset;
/// <see cref="QuoteUsd"/> the USDT value of one unit of the quote asset (1 for USDT pairs, the BTC/USDT price for
/// XRP/BTC). <see cref="CycleFacts"/> carries what was approved earlier in the same cycle (none when null).
/// </summary>
public sealed record RiskInput(
    TradeDecision Decision,
    PortfolioSnapshot Portfolio,
    TradingConstraints Constraints,
    decimal Price,
    decimal QuoteUsd,
    PairInfo PairInfo,
    RiskCycleFacts? CycleFacts = null)
{
    /// <summary>Builds the input from the cycle's prices and the exchange's pair metadata.</summary>
    public static RiskInput From(
        TradeDecision decision,
        PortfolioSnapshot portfolio,
        TradingConstraints constraints,
        PriceBook prices,
        PairCatalog catalog,
        RiskCycleFacts? cycleFacts = null)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(prices);
        ArgumentNullException.ThrowIfNull(catalog);
        return new RiskInput(
            decision,
            portfolio,
            constraints,
            prices.Price(decision.Pair),
            prices.QuoteUsd(decision.Pair),
            catalog[decision.Pair],
            cycleFacts);
    }
}
