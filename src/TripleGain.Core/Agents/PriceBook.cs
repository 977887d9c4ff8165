using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// The prices of one cycle, by pair (quote asset per unit of base), and the USDT value of each asset derived from
/// them: USDT is 1, BTC is the BTC/USDT price, XRP is the XRP/USDT price or, when that is absent, the XRP/BTC price
/// times the BTC/USDT price.
/// </summary>
public sealed class PriceBook
{
    private readonly Dictionary<Pair, decimal> _prices;

    public PriceBook(IReadOnlyDictionary<Pair, decimal> prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        foreach (var (pair, price) in prices)
        {
            if (price <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(prices), price, $"The price of {pair} must be above 0, got {price}.");
            }
        }

        _prices = new Dictionary<Pair, decimal>(prices);
    }

    /// <summary>The prices of a technical snapshot (each pair's last price).</summary>
    public static PriceBook From(MarketSnapshot market)
    {
        ArgumentNullException.ThrowIfNull(market);
        return new PriceBook(market.Prices);
    }

    public IReadOnlyDictionary<Pair, decimal> Prices => _prices;

    public bool TryGetPrice(Pair pair, out decimal price) => _prices.TryGetValue(pair, out price);

    /// <summary>The price of <paramref name="pair"/> in its quote asset; throws when the book has none.</summary>
    public decimal Price(Pair pair) =>
        _prices.TryGetValue(pair, out var price)
            ? price
            : throw new KeyNotFoundException($"No price for {pair} in this cycle (prices given for: {string.Join(", ", _prices.Keys)}).");

    /// <summary>The USDT value of one unit of <paramref name="asset"/>.</summary>
    public decimal UsdValue(Asset asset) => asset switch
    {
        Asset.USDT => 1m,
        Asset.BTC => Price(Pair.BtcUsdt),
        Asset.XRP => _prices.TryGetValue(Pair.XrpUsdt, out var xrpUsdt)
            ? xrpUsdt
            : _prices.TryGetValue(Pair.XrpBtc, out var xrpBtc) && _prices.TryGetValue(Pair.BtcUsdt, out var btcUsdt)
                ? xrpBtc * btcUsdt
                : throw new KeyNotFoundException($"No price to value XRP in USDT: need XRP/USDT, or XRP/BTC and BTC/USDT (prices given for: {string.Join(", ", _prices.Keys)})."),
        _ => throw new ArgumentOutOfRangeException(nameof(asset), asset, "Unknown asset."),
    };

    /// <summary>The USDT value of one unit of the pair's quote asset (1 for USDT pairs, the BTC/USDT price for XRP/BTC).</summary>
    public decimal QuoteUsd(Pair pair) => UsdValue(pair.Quote);
}
