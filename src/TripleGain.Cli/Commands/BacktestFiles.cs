using System.Globalization;
using System.Text;
using System.Text.Json;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The files of a backtest: trades.csv (one closed round trip a row), equity.csv (the equity marks with the drawdown from
/// the running peak), summary.json (the run's settings, metrics and counts) and equity.png (the equity curve over a
/// drawdown panel). Numbers use the invariant culture; times are ISO-8601 UTC. The same result writes the same bytes.
/// </summary>
internal static class BacktestFiles
{
    public const string Trades = "trades.csv";
    public const string EquityCsv = "equity.csv";
    public const string Summary = "summary.json";
    public const string Chart = "equity.png";

    public static void Write(string directory, BacktestResult result, string source, long? seed)
    {
        Directory.CreateDirectory(directory);
        WriteTrades(Path.Combine(directory, Trades), result.Trades);
        var drawdowns = Drawdowns(result.Equity);
        WriteEquity(Path.Combine(directory, EquityCsv), result.Equity, drawdowns);
        WriteSummary(Path.Combine(directory, Summary), result, source, seed);
        EquityChart.Save(Path.Combine(directory, Chart), result, drawdowns);
    }

    /// <summary>Drawdown from the running peak at each mark, in percent (0 at a peak, positive below it).</summary>
    public static double[] Drawdowns(IReadOnlyList<EquityPoint> equity)
    {
        var drawdowns = new double[equity.Count];
        var peak = 0m;
        for (var i = 0; i < equity.Count; i++)
        {
            peak = Math.Max(peak, equity[i].Equity);
            drawdowns[i] = peak > 0 ? (double)((peak - equity[i].Equity) / peak) * 100 : 0;
        }

        return drawdowns;
    }

    private static void WriteTrades(string path, IReadOnlyList<ClosedTrade> trades)
    {
        var text = new StringBuilder("pair,side,entry_time,exit_time,entry_price,exit_price,volume,pnl_usd,fees_usd,hold_hours\n");
        foreach (var t in trades)
        {
            text.Append(Invariant(
                $"{t.Pair},{t.Side.ToString().ToLowerInvariant()},{Iso(t.EntryTime)},{Iso(t.ExitTime)},{t.EntryPrice},{t.ExitPrice},{t.Volume},{Round(t.PnlUsd)},{Round(t.FeesUsd)},{t.HoldTime.TotalHours:0.####}\n"));
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void WriteEquity(string path, IReadOnlyList<EquityPoint> equity, double[] drawdowns)
    {
        var text = new StringBuilder("timestamp,equity_usd,drawdown_pct\n");
        for (var i = 0; i < equity.Count; i++)
        {
            text.Append(Invariant($"{Iso(equity[i].Timestamp)},{Round(equity[i].Equity)},{drawdowns[i]:0.####}\n"));
        }

        File.WriteAllText(path, text.ToString());
    }

    private static void WriteSummary(string path, BacktestResult result, string source, long? seed)
    {
        var o = result.Options;
        var r = result.Report;
        var c = o.Constraints;
        using var stream = File.Create(path);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();

        json.WriteStartObject("settings");
        json.WriteString("model", result.ModelId);
        json.WriteString("source", source);
        if (seed is { } s)
        {
            json.WriteNumber("seed", s);
        }

        json.WriteString("from", Iso(o.From));
        json.WriteString("to", Iso(o.To));
        WriteStrings(json, "pairs", result.Pairs.Select(p => p.Symbol));
        WriteStrings(json, "timeframes", result.Timeframes.Select(t => t.Label()));
        json.WriteStartObject("starting_balances");
        foreach (var (asset, amount) in o.StartingBalances.OrderBy(b => b.Key))
        {
            json.WriteNumber(asset.ToString(), amount);
        }

        json.WriteEndObject();
        json.WriteNumber("cycle_interval_seconds", o.CycleInterval.TotalSeconds);
        json.WriteNumber("decision_interval_seconds", o.DecisionInterval.TotalSeconds);
        json.WriteNumber("equity_interval_seconds", o.EquityInterval.TotalSeconds);
        var fees = o.Catalog[result.Pairs[0]];
        json.WriteNumber("maker_fee", fees.MakerFee);
        json.WriteNumber("taker_fee", fees.TakerFee);
        json.WriteNumber("slippage_bps", o.Exchange.SlippageBps);
        json.WriteStartObject("constraints");
        json.WriteNumber("risk_per_trade_pct", c.RiskPerTradePct);
        json.WriteNumber("max_leverage", c.MaxLeverage);
        json.WriteNumber("max_drawdown_pct", c.MaxDrawdownPct);
        json.WriteNumber("confidence_threshold", c.ConfidenceThreshold);
        json.WriteNumber("max_trades_per_day", c.MaxTradesPerDay);
        json.WriteNumber("max_single_order_usd", c.MaxSingleOrderUsd);
        json.WriteNumber("max_position_pct", c.MaxPositionPct);
        json.WriteNumber("default_stop_pct", c.DefaultStopPct);
        WriteStrings(json, "allowed_pairs", c.AllowedPairs.Select(p => p.Symbol));
        json.WriteEndObject();
        json.WriteNumber("periods_per_year", r.PeriodsPerYear);
        json.WriteNumber("annual_risk_free_rate", r.AnnualRiskFreeRate);
        json.WriteEndObject();

        json.WriteStartObject("metrics");
        json.WriteString("start", Iso(r.Start));
        json.WriteString("end", Iso(r.End));
        json.WriteNumber("days", r.Days);
        json.WriteNumber("start_equity_usd", Round(r.StartEquity));
        json.WriteNumber("final_equity_usd", Round(r.EndEquity));
        json.WriteNumber("total_return", r.TotalReturn);
        json.WriteNumber("cagr", r.Cagr);
        Number(json, "annual_volatility", r.AnnualVolatility);
        Number(json, "sharpe", r.Sharpe);
        Number(json, "sortino", r.Sortino);
        if (r.MaxDrawdown is { } dd)
        {
            json.WriteStartObject("max_drawdown");
            json.WriteNumber("depth", dd.Depth);
            json.WriteNumber("amount_usd", Round(dd.AmountUsd));
            json.WriteString("peak_time", Iso(dd.PeakTime));
            json.WriteString("trough_time", Iso(dd.TroughTime));
            if (dd.RecoveryTime is { } recovery)
            {
                json.WriteString("recovery_time", Iso(recovery));
            }
            else
            {
                json.WriteNull("recovery_time");
            }

            json.WriteEndObject();
        }
        else
        {
            json.WriteNull("max_drawdown");
        }

        Number(json, "calmar", r.Calmar);
        json.WriteNumber("trades", r.TradeCount);
        json.WriteNumber("winning_trades", r.WinningTrades);
        json.WriteNumber("losing_trades", r.LosingTrades);
        Number(json, "win_rate", r.WinRate);
        Number(json, "profit_factor", r.ProfitFactor);
        json.WriteBoolean("profit_factor_unbounded", r.ProfitFactorUnbounded);
        if (r.ExpectancyUsd is { } expectancy)
        {
            json.WriteNumber("expectancy_usd", Round(expectancy));
        }
        else
        {
            json.WriteNull("expectancy_usd");
        }

        Number(json, "expectancy_ratio", r.ExpectancyRatio);
        Number(json, "exposure", r.Exposure);
        Number(json, "average_hold_hours", r.AverageHoldTime?.TotalHours);
        json.WriteNumber("net_profit_of_trades_usd", Round(r.NetProfitUsd));
        json.WriteNumber("fees_paid_usd", Round(result.FinalPortfolio.FeesPaidUsd));
        json.WriteNumber("realized_pnl_usd", Round(result.FinalPortfolio.RealizedPnlUsd));
        json.WriteNumber("unrealized_pnl_usd", Round(result.FinalPortfolio.UnrealizedPnlUsd));
        json.WriteNumber("open_positions", result.FinalPortfolio.Positions.Count);
        json.WriteEndObject();

        json.WriteStartObject("counts");
        json.WriteNumber("candles", result.CandleCount);
        json.WriteNumber("decision_cycles", result.DecisionCycles);
        json.WriteNumber("orders_placed", result.OrdersPlaced);
        json.WriteNumber("fills", result.Fills.Count);
        json.WriteStartObject("decisions");
        foreach (var (action, count) in result.DecisionsByAction)
        {
            json.WriteNumber(action.ToString().ToLowerInvariant(), count);
        }

        json.WriteEndObject();
        WriteCounts(json, "rejected_by_rule", result.RejectionsByRule);
        WriteCounts(json, "no_order_by_rule", result.DroppedByRule);
        WriteCounts(json, "exchange_errors", result.OrderErrorsByCode);
        json.WriteEndObject();

        json.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, int> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, count) in counts)
        {
            json.WriteNumber(key, count);
        }

        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static decimal Round(decimal amount) => decimal.Round(amount, 8, MidpointRounding.AwayFromZero);

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
