using System.Globalization;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Market;

namespace TripleGain.Cli.Commands;

/// <summary>The metrics table the <c>backtest</c> verb prints: percentages as "12.34%", undefined values as "n/a".</summary>
internal static class MetricsTable
{
    public static void Write(TextWriter output, BacktestResult result, string source)
    {
        var report = result.Report;
        var o = result.Options;
        output.WriteLine($"backtest {result.ModelId} on {source}: {string.Join(", ", result.Pairs)}, {Iso(o.From)} .. {Iso(o.To)}");
        output.WriteLine(Invariant(
            $"candles {result.CandleCount:N0}, decision cycles {result.DecisionCycles:N0} (every {o.DecisionInterval.TotalSeconds:0} s), orders {result.OrdersPlaced:N0}, fills {result.Fills.Count:N0}, timeframes {string.Join(", ", result.Timeframes.Select(t => t.Label()))}"));
        output.WriteLine();

        var rows = new List<(string Name, string Value)>
        {
            ("Total return", Pct(report.TotalReturn)),
            ("CAGR", Pct(report.Cagr)),
            ("Sharpe", Ratio(report.Sharpe)),
            ("Sortino", Ratio(report.Sortino)),
            ("Max drawdown", report.MaxDrawdown is { } dd
                ? Invariant($"{Pct(dd.Depth)} ({Usd(dd.AmountUsd)}), {Iso(dd.PeakTime)} -> {Iso(dd.TroughTime)}{(dd.RecoveryTime is { } r ? $", recovered {Iso(r)}" : ", not recovered")}")
                : "n/a (never below a peak)"),
            ("Calmar", Ratio(report.Calmar)),
            ("Win rate", Pct(report.WinRate)),
            ("Profit factor", report.ProfitFactor is { } pf ? Ratio(pf) : report.ProfitFactorUnbounded ? "n/a (no losing trade)" : "n/a"),
            ("Expectancy", report.ExpectancyUsd is { } e ? Usd(e) + " per trade" : "n/a"),
            ("Exposure", Pct(report.Exposure)),
            ("Trades", Invariant($"{report.TradeCount:N0} ({report.WinningTrades:N0} won, {report.LosingTrades:N0} lost)")),
            ("Average hold", report.AverageHoldTime is { } hold ? Duration(hold) : "n/a"),
            ("Fees", Usd(result.FinalPortfolio.FeesPaidUsd)),
            ("Final equity", Invariant($"{Usd(result.FinalEquity)} (start {Usd(result.StartEquity)})")),
        };

        var width = rows.Max(r => r.Name.Length) + 2;
        foreach (var (name, value) in rows)
        {
            output.WriteLine(name.PadRight(width) + value);
        }

        output.WriteLine();
        output.WriteLine("decisions: " + string.Join(", ", result.DecisionsByAction.Select(d => Invariant($"{d.Key.ToString().ToUpperInvariant()} {d.Value:N0}"))));
        output.WriteLine("rejected by risk: " + Counts(result.RejectionsByRule));
        if (result.OrderErrorsByCode.Count > 0)
        {
            output.WriteLine("refused by the exchange: " + Counts(result.OrderErrorsByCode));
        }
    }

    public static string Pct(double? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : "n/a";

    public static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Usd(decimal amount) => amount.ToString("N2", CultureInfo.InvariantCulture) + " USD";

    private static string Counts(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.Select(c => Invariant($"{c.Key} {c.Value:N0}")));

    private static string Duration(TimeSpan span) =>
        span.TotalDays >= 1
            ? Invariant($"{(int)span.TotalDays}d {span.Hours}h {span.Minutes:00}m")
            : Invariant($"{span.Hours}h {span.Minutes:00}m");

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
