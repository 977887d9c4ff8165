using System.Globalization;
using System.Text;
using TripleGain.Core.Agents;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Llm.Prompts;

/// <summary>Writes the parts of a <see cref="DecisionContext"/> as compact Markdown for the decision prompt.</summary>
internal static class ContextText
{
    public const int RecentDecisionsShown = 10;
    private const int ReasoningShown = 160;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Market(MarketSnapshot market)
    {
        var text = new StringBuilder();
        foreach (var pair in market.Pairs)
        {
            text.Append(Invariant, $"### {pair.Pair}: last price {pair.LastPrice} at {Time(pair.Timestamp)}\n");
            foreach (var tf in pair.Timeframes)
            {
                var v = tf.Indicators;
                var s = tf.Signals;
                text.Append(Invariant, $"- {tf.Timeframe.Label()}: trend {s.Trend}, momentum {s.Momentum}, volatility {s.Volatility}; ")
                    .Append(Invariant, $"close {N(v.Close)}; EMA fast/mid/slow {N(v.EmaFast)}/{N(v.EmaMid)}/{N(v.EmaSlow)}; RSI {N(v.Rsi)}; ")
                    .Append(Invariant, $"MACD {N(v.Macd)} signal {N(v.MacdSignal)} histogram {N(v.MacdHistogram)}; ROC {N(v.Roc)}; ")
                    .Append(Invariant, $"ADX {N(v.Adx)} (+DI {N(v.PlusDi)}, -DI {N(v.MinusDi)}); ATR {N(v.Atr)}; ")
                    .Append(Invariant, $"Bollinger {N(v.BollingerUpper)}/{N(v.BollingerMiddle)}/{N(v.BollingerLower)} (%B {N(v.BollingerPercentB)}, width {N(v.BollingerWidth)}); ")
                    .Append(Invariant, $"Keltner {N(v.KeltnerUpper)}/{N(v.KeltnerMiddle)}/{N(v.KeltnerLower)}; OBV {N(v.Obv)}; VWAP {N(v.Vwap)}; volume ratio {N(v.VolumeRatio)}\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Portfolio(Core.Portfolio.PortfolioSnapshot portfolio)
    {
        var text = new StringBuilder();
        text.Append(Invariant, $"Equity {portfolio.EquityUsd:0.##} USDT (peak {portfolio.PeakEquityUsd:0.##}, drawdown {portfolio.DrawdownPct:0.##}%); ")
            .Append(Invariant, $"margin used {portfolio.MarginUsedUsd:0.##}, free margin {portfolio.FreeMarginUsd:0.##}; ")
            .Append(Invariant, $"realized P&L {portfolio.RealizedPnlUsd:0.##}, unrealized {portfolio.UnrealizedPnlUsd:0.##}; trades today {portfolio.TradesToday}.\n");
        text.Append("Balances: ")
            .Append(string.Join(", ", portfolio.Balances.OrderBy(b => b.Key).Select(b => string.Create(Invariant, $"{b.Key} {b.Value}"))))
            .Append('\n');
        if (portfolio.Positions.Count == 0)
        {
            text.Append("Open positions: none.");
        }
        else
        {
            text.Append("Open positions:\n");
            foreach (var p in portfolio.Positions)
            {
                text.Append(Invariant, $"- {p.Pair} {p.Side} {p.Volume} at {p.EntryPrice} (mark {p.MarkPrice}, notional {p.NotionalUsd:0.##} USDT, ")
                    .Append(Invariant, $"leverage {p.Leverage}, unrealized {p.UnrealizedPnlUsd:0.##} USDT, stop {Price(p.StopLoss)}, take-profit {Price(p.TakeProfit)}, opened {Time(p.OpenedAt)})\n");
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Constraints(TradingConstraints c) => string.Create(Invariant,
        $"""
        - maximum position size: {c.MaxPositionPct}% of equity
        - risk per trade: {c.RiskPerTradePct}% of equity between entry and stop-loss (default stop distance {c.DefaultStopPct}%)
        - maximum leverage: {c.MaxLeverage}x
        - maximum drawdown: {c.MaxDrawdownPct}% from the equity peak (beyond it only closing is allowed)
        - minimum confidence for a trade: {c.ConfidenceThreshold}
        - maximum trades per UTC day: {c.MaxTradesPerDay}
        - maximum single order: {c.MaxSingleOrderUsd} USDT
        - pairs allowed to trade: {string.Join(", ", c.AllowedPairs)}
        """);

    public static string RecentDecisions(IReadOnlyList<TradeDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return "none yet.";
        }

        var text = new StringBuilder();
        foreach (var d in decisions.Skip(Math.Max(0, decisions.Count - RecentDecisionsShown)))
        {
            var reasoning = d.Reasoning.Replace('\n', ' ');
            if (reasoning.Length > ReasoningShown)
            {
                reasoning = string.Concat(reasoning.AsSpan(0, ReasoningShown), "…");
            }

            text.Append(Invariant, $"- {Time(d.Timestamp)} {d.Pair} {d.Action.ToString().ToUpperInvariant()} size {d.SizePct}% confidence {d.Confidence:0.##} ")
                .Append(Invariant, $"stop {Price(d.StopLoss)} take-profit {Price(d.TakeProfit)}: {reasoning}\n");
        }

        return text.ToString().TrimEnd();
    }

    public static string Time(DateTime time) => time.ToString("yyyy-MM-dd HH:mm'Z'", Invariant);

    private static string Price(decimal? price) => price is { } p ? p.ToString(Invariant) : "none";

    private static string N(double? value) => value is { } v ? v.ToString("0.######", Invariant) : "null";
}
