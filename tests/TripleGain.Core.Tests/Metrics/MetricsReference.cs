using System.Globalization;
using System.Text.Json;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>Reads ../shared/reference/metrics/reference_metrics.json (never copied into the repository).</summary>
internal static class MetricsReference
{
    private static readonly Lazy<JsonElement> RootElement = new(() =>
    {
        using var stream = File.OpenRead(ReferenceData.Require("metrics/reference_metrics.json"));
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.Clone();
    });

    public static JsonElement Root => RootElement.Value;

    public static JsonElement Quantstats => Root.GetProperty("quantstats_R_reference");

    public static JsonElement Empyrical => Root.GetProperty("empyrical");

    public static JsonElement Freqtrade => Root.GetProperty("freqtrade");

    /// <summary>The numbers of a JSON array; JSON null (empyrical's NaN) becomes <see cref="double.NaN"/>.</summary>
    public static double[] Doubles(JsonElement array) =>
        [.. array.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.Null ? double.NaN : e.GetDouble())];

    /// <summary>A JSON number read exactly as decimal from its text (no detour through double).</summary>
    public static decimal Decimal(JsonElement number) =>
        decimal.Parse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture);
}
