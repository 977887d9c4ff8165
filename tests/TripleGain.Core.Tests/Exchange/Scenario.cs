using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Exchange;

/// <summary>A seed paper account (1,000 USDT, 500 XRP) at a paper exchange with known prices: BTC 50,000, XRP 0.5, XRP/BTC 0.00001.</summary>
internal static class Scenario
{
    public static readonly DateTime T0 = new(2025, 1, 6, 12, 0, 0, DateTimeKind.Utc);

    public static DateTime Minute(int n) => T0.AddMinutes(n);

    public static Candle Bar(int minute, decimal open, decimal high, decimal low, decimal close) => new(Minute(minute), open, high, low, close, 10m);

    public static Candle Flat(int minute, decimal price) => Bar(minute, price, price, price, price);

    public static PaperExchange NewExchange(decimal slippageBps = 0m, Account? account = null, PairCatalog? catalog = null)
    {
        var exchange = new PaperExchange(account ?? Account.CreatePaper("paper:test", T0), catalog ?? PairCatalog.Kraken, new PaperExchangeSettings(slippageBps));
        exchange.Mark(Pair.BtcUsdt, 50000m);
        exchange.Mark(Pair.XrpUsdt, 0.5m);
        exchange.Mark(Pair.XrpBtc, 0.00001m);
        return exchange;
    }

    public static OrderRequest MarketOrder(string id, Pair pair, OrderSide side, decimal volume, decimal leverage = 1m, decimal? stopLoss = null, decimal? takeProfit = null) =>
        new(id, pair, side, OrderType.Market, volume, Leverage: leverage, StopLoss: stopLoss, TakeProfit: takeProfit);

    public static OrderRequest LimitOrder(string id, Pair pair, OrderSide side, decimal volume, decimal price, decimal leverage = 1m) =>
        new(id, pair, side, OrderType.Limit, volume, price, leverage);

    public static Order Accepted(this OrderResult result)
    {
        result.IsAccepted.ShouldBeTrue(result.Error?.ToString());
        return result.Order!;
    }

    /// <summary>The parts of the exchange a rejected order must not change: the account and the orders.</summary>
    public static string Observable(this PaperExchange exchange) =>
        Portfolio.Json.Of(new { Account = exchange.Account.ToState(), exchange.Orders, exchange.Account.Ledger });
}
