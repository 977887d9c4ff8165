using System.Globalization;

namespace TripleGain.Silo.Components.Shared;

/// <summary>How the pages write figures: invariant culture, a dash for a missing value.</summary>
public static class Display
{
    public const string Missing = "—";

    public static string Usd(decimal? value) =>
        value is { } v ? v.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture) : Missing;

    public static string SignedUsd(decimal? value) =>
        value is { } v ? v.ToString("+$#,##0.00;-$#,##0.00;$0.00", CultureInfo.InvariantCulture) : Missing;

    public static string Percent(double? fraction, int decimals = 2) =>
        fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("0." + new string('0', decimals), CultureInfo.InvariantCulture) + "%" : Missing;

    public static string Percent(decimal? fraction, int decimals = 2) => Percent((double?)fraction, decimals);

    public static string SignedPercent(double? fraction) =>
        fraction is { } f && double.IsFinite(f) ? (f * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%" : Missing;

    public static string Number(double? value, string format = "0.00") =>
        value is { } v && double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : Missing;

    public static string Number(decimal? value, string format = "0.########") =>
        value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) : Missing;

    public static string Milliseconds(double? value) =>
        value is { } v && double.IsFinite(v) ? v.ToString("#,##0", CultureInfo.InvariantCulture) + " ms" : Missing;

    /// <summary>The text cut to <paramref name="length"/> characters, the last one an ellipsis when cut; empty for none.</summary>
    public static string Shorten(string? text, int length) =>
        text is null ? string.Empty : text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    public static string Time(DateTime? utc) =>
        utc is { } t ? t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC" : Missing;

    public static string ShortTime(DateTime? utc) =>
        utc is { } t ? t.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture) : Missing;

    /// <summary>A gate figure the way its threshold is written: days, counts, ratios, seconds, dollars or percentages.</summary>
    public static string Gate(TripleGain.Core.Stages.GateMetric metric, double? value) => value is not { } v || !double.IsFinite(v)
        ? Missing
        : metric switch
        {
            TripleGain.Core.Stages.GateMetric.PaperTradingDays or TripleGain.Core.Stages.GateMetric.DaysAtStage => v.ToString("0.#", CultureInfo.InvariantCulture) + " days",
            TripleGain.Core.Stages.GateMetric.TradeCount => v.ToString("0", CultureInfo.InvariantCulture),
            TripleGain.Core.Stages.GateMetric.Sharpe or TripleGain.Core.Stages.GateMetric.ProfitFactor => v.ToString("0.00", CultureInfo.InvariantCulture),
            TripleGain.Core.Stages.GateMetric.DecisionLatencyP95Seconds => v.ToString("0.0#", CultureInfo.InvariantCulture) + " s",
            TripleGain.Core.Stages.GateMetric.LivePnlUsd => Usd((decimal)v),
            _ => Percent(v),
        };

    public static string Duration(TimeSpan span) =>
        span <= TimeSpan.Zero ? "0:00" : span.TotalHours >= 1
            ? ((int)span.TotalHours).ToString(CultureInfo.InvariantCulture) + span.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture)
            : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
