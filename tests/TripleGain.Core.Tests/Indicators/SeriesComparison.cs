namespace TripleGain.Core.Tests.Indicators;

/// <summary>Compares two computations of the same column: nulls in the same places, values within a relative tolerance.</summary>
internal static class SeriesComparison
{
    /// <summary>
    /// Mismatches between <paramref name="expected"/> and <paramref name="actual"/>: a value differs when
    /// |a - e| &gt; relative * (|e| + scale), scale = the column's mean magnitude (so a column crossing zero,
    /// like a MACD histogram, is judged against its typical size rather than its value at the crossing).
    /// </summary>
    public static List<string> Differences(string name, IReadOnlyList<double?> expected, IReadOnlyList<double?> actual, double relative = 1e-9)
    {
        var failures = new List<string>();
        if (expected.Count != actual.Count)
        {
            failures.Add($"{name}: {actual.Count} values, expected {expected.Count}");
            return failures;
        }

        var present = expected.Where(v => v is not null).Select(v => Math.Abs(v!.Value)).ToList();
        var scale = present.Count == 0 ? 0 : present.Average();
        for (var i = 0; i < expected.Count && failures.Count < 10; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            if (e is null != a is null)
            {
                failures.Add($"{name}[{i}]: expected {e?.ToString("R") ?? "null"}, got {a?.ToString("R") ?? "null"}");
            }
            else if (e is { } ev && a is { } av)
            {
                if (!double.IsFinite(av))
                {
                    failures.Add($"{name}[{i}]: {av} is not finite");
                }
                else if (Math.Abs(av - ev) > relative * (Math.Abs(ev) + scale))
                {
                    failures.Add($"{name}[{i}]: expected {ev:R}, got {av:R}");
                }
            }
        }

        return failures;
    }
}
