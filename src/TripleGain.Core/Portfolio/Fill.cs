using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// One execution of an order (Kraken's "trade"): <see cref="Volume"/> of the base asset at <see cref="Price"/> in the
/// quote asset. <see cref="Fee"/> is charged in <see cref="FeeAsset"/> (the quote asset). <see cref="Leverage"/> 1 is a
/// cash trade, above 1 a margin trade. <see cref="QuoteUsdRate"/> is the USDT value of one unit of the quote asset at
/// the time of the fill (1 for USDT pairs, the BTC/USDT price for XRP/BTC), so that realized P&amp;L and fees can be
/// reported in USDT without looking prices up again. A fill is immutable; the account's state is the result of its
/// deposits and fills.
/// </summary>
public sealed record Fill(
    string TradeId,
    string OrderId,
    string ClientOrderId,
    Pair Pair,
    OrderSide Side,
    decimal Volume,
    decimal Price,
    decimal Fee,
    Asset FeeAsset,
    Liquidity Liquidity,
    DateTime Timestamp,
    decimal Leverage = 1m,
    decimal QuoteUsdRate = 1m)
{
    /// <summary>Volume x price, in the quote asset.</summary>
    public decimal Cost => Volume * Price;

    /// <summary>True for a margin (leveraged) trade.</summary>
    public bool IsMargin => Leverage > 1m;
}
