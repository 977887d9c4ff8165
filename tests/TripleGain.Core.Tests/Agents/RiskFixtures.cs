using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Tests.Agents;

/// <summary>Hand-built portfolios, decisions and prices for the risk, rebalancing and coordinator tests.
/// Prices: BTC/USDT 50000, XRP/USDT 0.5, XRP/BTC 0.00001 (consistent: 0.5 / 50000).</summary>
internal static class RiskFixtures
{
    public static readonly DateTime Now = new(2025, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static PriceBook Prices(decimal btcUsdt = 50_000m, decimal xrpUsdt = 0.5m, decimal xrpBtc = 0.00001m) =>
        new(new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = btcUsdt, [Pair.XrpUsdt] = xrpUsdt, [Pair.XrpBtc] = xrpBtc });

    public static PortfolioSnapshot Account(
        decimal equity = 10_000m,
        decimal usdt = 10_000m,
        decimal btc = 0m,
        decimal xrp = 0m,
        decimal? peak = null,
        decimal? freeMargin = null,
        int tradesToday = 0,
        params Position[] positions) =>
        new(
            "paper:test",
            Now,
            new Dictionary<Asset, decimal> { [Asset.USDT] = usdt, [Asset.BTC] = btc, [Asset.XRP] = xrp },
            positions,
            equity,
            peak ?? equity,
            positions.Sum(p => p.MarginUsd),
            freeMargin ?? equity - positions.Sum(p => p.MarginUsd),
            0m,
            0m,
            tradesToday);

    public static Position OpenPosition(Pair pair, PositionSide side, decimal volume, decimal notionalUsd, decimal leverage = 1m, decimal markPrice = 0m) =>
        new(pair, side, volume, markPrice, leverage, Now.AddDays(-1), null, null, markPrice, notionalUsd, notionalUsd / leverage, 0m);

    public static TradeDecision Decision(
        TradeAction action,
        Pair pair,
        decimal sizePct = 10m,
        double confidence = 0.8,
        decimal? stop = null,
        decimal? takeProfit = null,
        string model = "baseline") =>
        new(model, pair, action, sizePct, confidence, stop, takeProfit, "test", Now);

    /// <summary>Default constraints with the caps that would otherwise bind lifted.</summary>
    public static TradingConstraints Loose { get; } = new()
    {
        MaxSingleOrderUsd = 1_000_000m,
        MaxPositionPct = 100m,
        MaxLeverage = 1m,
    };

    public static RiskVerdict Assess(
        TradeDecision decision,
        PortfolioSnapshot portfolio,
        TradingConstraints? constraints = null,
        PriceBook? prices = null,
        RiskCycleFacts? facts = null) =>
        new RiskAgent().Run(RiskInput.From(decision, portfolio, constraints ?? Loose, prices ?? Prices(), PairCatalog.Kraken, facts));
}
