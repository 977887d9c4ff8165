using TripleGain.Core.Agents;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Llm.Tests;

/// <summary>Decision contexts for tests: BTC/USDT at 70000 and XRP/USDT at 0.5 (XRP/BTC optional), 10 000 USDT equity.</summary>
public static class TestContexts
{
    public static readonly DateTime Now = new(2025, 3, 14, 12, 0, 0, DateTimeKind.Utc);

    public static DecisionContext Create(bool withXrpBtc = false, TradingConstraints? constraints = null, IReadOnlyList<TradeDecision>? recent = null)
    {
        var pairs = new List<PairSnapshot>
        {
            Snapshot(Pair.BtcUsdt, 70000m),
            Snapshot(Pair.XrpUsdt, 0.5m),
        };
        if (withXrpBtc)
        {
            pairs.Add(Snapshot(Pair.XrpBtc, 0.0000071m));
        }

        var portfolio = new PortfolioSnapshot(
            "paper:test",
            Now,
            new Dictionary<Asset, decimal> { [Asset.USDT] = 8000m, [Asset.BTC] = 0.02m, [Asset.XRP] = 1000m },
            [new Position(Pair.BtcUsdt, PositionSide.Long, 0.02m, 68000m, 1m, Now.AddHours(-5), 66000m, 74000m, 70000m, 1400m, 1400m, 40m)],
            EquityUsd: 9900m,
            PeakEquityUsd: 10000m,
            MarginUsedUsd: 1400m,
            FreeMarginUsd: 8500m,
            RealizedPnlUsd: -140m,
            UnrealizedPnlUsd: 40m,
            TradesToday: 2);

        return new DecisionContext(Now, new MarketSnapshot(Now, pairs), portfolio, constraints ?? TradingConstraints.Default, recent ?? []);
    }

    private static PairSnapshot Snapshot(Pair pair, decimal price)
    {
        var p = (double)price;
        var values = new IndicatorValues(Now, p, p * 0.99, p * 0.98, p * 0.97, 58.2, p * 0.001, p * 0.0008, p * 0.0002, 1.4, 27.5, 24.1, 15.3,
            p * 0.012, p * 1.03, p, p * 0.97, 0.66, 0.06, p * 1.025, p, p * 0.975, 123456, p * 0.995, 1.2);
        var hourly = new TimeframeSnapshot(Timeframe.H1, values, new TechnicalSignals(Trend.Up, Momentum.Bullish, VolatilityRegime.Normal));
        var fourHour = new TimeframeSnapshot(Timeframe.H4, values with { Rsi = null, Adx = null }, new TechnicalSignals(Trend.Sideways, Momentum.Neutral, VolatilityRegime.Low));
        return new PairSnapshot(pair, Now, price, [hourly, fourHour]);
    }
}
