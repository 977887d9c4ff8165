using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// Values assets in USDT through the pairs' prices: USDT is 1, BTC is the BTC/USDT price, XRP is the XRP/USDT price
/// (or, when that is missing, XRP/BTC x BTC/USDT).
/// </summary>
public static class Valuation
{
    public static bool TryUsdRate(Asset asset, IReadOnlyDictionary<Pair, decimal> prices, out decimal rate)
    {
        ArgumentNullException.ThrowIfNull(prices);
        rate = 0m;
        switch (asset)
        {
            case Asset.USDT:
                rate = 1m;
                return true;
            case Asset.BTC:
                return prices.TryGetValue(Pair.BtcUsdt, out rate) && rate > 0;
            case Asset.XRP:
                if (prices.TryGetValue(Pair.XrpUsdt, out rate) && rate > 0)
                {
                    return true;
                }

                if (prices.TryGetValue(Pair.XrpBtc, out var xrpBtc) && xrpBtc > 0
                    && prices.TryGetValue(Pair.BtcUsdt, out var btcUsdt) && btcUsdt > 0)
                {
                    rate = xrpBtc * btcUsdt;
                    return true;
                }

                rate = 0m;
                return false;
            default:
                return false;
        }
    }

    /// <summary>The USDT value of one unit of <paramref name="asset"/>; throws naming the missing price.</summary>
    public static decimal UsdRate(Asset asset, IReadOnlyDictionary<Pair, decimal> prices) =>
        TryUsdRate(asset, prices, out var rate)
            ? rate
            : throw new InvalidOperationException(
                $"No price to value {asset} in USDT: need {(asset == Asset.XRP ? "XRP/USDT (or XRP/BTC and BTC/USDT)" : $"{asset}/USDT")} "
                + $"among the prices, which hold [{string.Join(", ", prices.Keys)}].");
}
