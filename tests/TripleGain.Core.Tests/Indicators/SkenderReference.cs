using System.Text.Json;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>Skender Stock.Indicators reference data from ../shared/reference/indicators (see its README).</summary>
internal static class SkenderReference
{
    private static readonly Lazy<IReadOnlyList<Candle>> DefaultQuotes =
        new(() => CandleCsv.Read(ReferenceData.Require("indicators/default.csv")));

    private static readonly Lazy<IReadOnlyList<Candle>> IntradayQuotes =
        new(() => CandleCsv.Read(ReferenceData.Require("indicators/intraday.csv")).Take(391).ToList());

    private static readonly Lazy<JsonDocument> ExpectedDocument =
        new(() => JsonDocument.Parse(File.ReadAllText(ReferenceData.Require("indicators/skender_expected.json"))));

    /// <summary>default.csv: 502 daily bars 2017-01-03..2018-12-31.</summary>
    public static IReadOnlyList<Candle> Default => DefaultQuotes.Value;

    /// <summary>The first 391 rows of intraday.csv (one session, 2020-12-15 09:30..16:00).</summary>
    public static IReadOnlyList<Candle> Intraday => IntradayQuotes.Value;

    /// <summary>The "indicators" object of skender_expected.json.</summary>
    public static JsonElement Expected(string indicator) =>
        ExpectedDocument.Value.RootElement.GetProperty("indicators").GetProperty(indicator);

    /// <summary>One field of results/&lt;file&gt;.standard.json as a column (null = warm-up).</summary>
    public static double?[] Column(string file, string field)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(ReferenceData.Require($"indicators/results/{file}.standard.json")));
        return doc.RootElement.EnumerateArray()
            .Select(row => row.GetProperty(field) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble() : (double?)null)
            .ToArray();
    }

    /// <summary>
    /// Compares every <c>{index, field, expected, tolerance}</c> assert with <paramref name="actual"/>(index, field);
    /// expected null means the value must be null. Returns the mismatches (empty when all agree) and how many were checked.
    /// </summary>
    public static (List<string> Failures, int Checked) Check(JsonElement asserts, Func<int, string, double?> actual)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var a in asserts.EnumerateArray())
        {
            count++;
            var index = a.GetProperty("index").GetInt32();
            var field = a.GetProperty("field").GetString()!;
            var value = actual(index, field);
            var expected = a.GetProperty("expected");
            if (expected.ValueKind == JsonValueKind.Null)
            {
                if (value is not null)
                {
                    failures.Add($"[{index}].{field}: expected null, got {value:R}");
                }

                continue;
            }

            var e = expected.GetDouble();
            var tolerance = a.GetProperty("tolerance").GetDouble();
            if (value is not { } v || Math.Abs(v - e) > tolerance)
            {
                failures.Add($"[{index}].{field}: expected {e:R} ± {tolerance:R}, got {value?.ToString("R") ?? "null"}");
            }
        }

        return (failures, count);
    }

    /// <summary>
    /// Compares whole columns: null exactly where the reference is null, else within <paramref name="relative"/> of it.
    /// Returns the mismatches (at most 10 listed).
    /// </summary>
    public static List<string> CompareColumn(string name, double?[] expected, IReadOnlyList<double?> actual, double relative = 1e-6)
    {
        var failures = new List<string>();
        if (expected.Length != actual.Count)
        {
            failures.Add($"{name}: {actual.Count} values, reference has {expected.Length}");
            return failures;
        }

        for (var i = 0; i < expected.Length && failures.Count < 10; i++)
        {
            switch (expected[i], actual[i])
            {
                case (null, null):
                    break;
                case (null, { } a):
                    failures.Add($"{name}[{i}]: expected null (warm-up), got {a:R}");
                    break;
                case ({ } e, null):
                    failures.Add($"{name}[{i}]: expected {e:R}, got null");
                    break;
                case ({ } e, { } a):
                    if (Math.Abs(a - e) > (relative * Math.Abs(e)) + 1e-12)
                    {
                        failures.Add($"{name}[{i}]: expected {e:R}, got {a:R} (relative {Math.Abs(a - e) / Math.Abs(e):E2})");
                    }

                    break;
            }
        }

        return failures;
    }
}
