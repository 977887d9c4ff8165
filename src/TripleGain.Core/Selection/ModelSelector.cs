using System.Globalization;

namespace TripleGain.Core.Selection;

/// <summary>
/// Ranks the models of the paper comparison (LLMs and the benchmarks) and names the best one only on evidence.
/// <list type="number">
/// <item><b>Score.</b> For each <see cref="SelectionMetric"/>, every candidate gets a normalised rank in 0..1: the
/// share of the other candidates it beats (ties count half; a missing value loses to every present one and scores 0;
/// an unbounded profit factor beats every finite one). The composite score is the weighted mean of these
/// (<see cref="SelectionWeights"/>). Ranks are over all candidates, benchmarks included; ties are broken by Sharpe,
/// then by model id.</item>
/// <item><b>Eligibility.</b> A model other than a benchmark may be named when it has at least
/// <see cref="ModelSelectorSettings.MinimumTrades"/> trades, <see cref="ModelSelectorSettings.MinimumDays"/> days of
/// returns, parse success and uptime at or above their minimums (an unmeasured one fails). Benchmarks are never named:
/// they are what a model must beat.</item>
/// <item><b>Evidence.</b> The leader is the best-scored eligible model. It is named only when, against every other
/// eligible model and against each benchmark, <see cref="PairedBootstrap.ProbabilityBetter"/> of its daily return
/// differences (on the days both have) reaches <see cref="ModelSelectorSettings.Confidence"/>, with at least
/// <see cref="ModelSelectorSettings.MinimumDays"/> common days. The statistic is the mean daily return: the score
/// already rewards risk; the test asks whether the leader actually made more money, beyond chance.</item>
/// </list>
/// The reason names the first comparison that fails, benchmarks first ("no model beats buy-and-hold: …"), then the
/// other models by rank ("claude leads gpt-4o but P(better)=0.81 &lt; 0.95"). Probabilities in reasons are rounded down.
/// </summary>
public static class ModelSelector
{
    private static readonly SelectionMetric[] Metrics = Enum.GetValues<SelectionMetric>();

    /// <summary>Ranks <paramref name="candidates"/> and names the best model or says why none.</summary>
    public static ModelSelection Select(IReadOnlyList<ModelCandidate> candidates, ModelSelectorSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        settings ??= ModelSelectorSettings.Default;
        Validate(candidates);
        if (candidates.Count == 0)
        {
            return new ModelSelection([], null, "no candidates to rank", []);
        }

        var benchmarks = new HashSet<string>(settings.Benchmarks, StringComparer.Ordinal);
        var ranking = Rank(candidates, settings, benchmarks);
        var byId = candidates.ToDictionary(c => c.ModelId, StringComparer.Ordinal);

        var missing = settings.Benchmarks.FirstOrDefault(b => !byId.ContainsKey(b));
        if (missing is not null)
        {
            return new ModelSelection(ranking, null, $"benchmark '{missing}' is missing: a best model is named only against every benchmark", []);
        }

        var eligible = ranking.Where(r => r.Eligible).ToArray();
        if (eligible.Length == 0)
        {
            var models = ranking.Where(r => !r.IsBenchmark).ToArray();
            var reason = models.Length == 0
                ? "no model besides the benchmarks"
                : "no eligible model: " + string.Join("; ", models.Select(m => $"{m.ModelId} ({string.Join(", ", m.IneligibleReasons)})"));
            return new ModelSelection(ranking, null, reason, []);
        }

        var leader = eligible[0];
        var opponents = settings.Benchmarks.Concat(eligible.Skip(1).Select(r => r.ModelId));
        var comparisons = opponents
            .Select(other => Compare(byId[leader.ModelId], byId[other], benchmarks.Contains(other), settings))
            .ToArray();

        var failed = comparisons.FirstOrDefault(c => !c.IsMeaningful(settings.Confidence));
        if (failed is not null)
        {
            return new ModelSelection(ranking, null, Refusal(failed, settings), comparisons);
        }

        var evidence = string.Join(", ", comparisons.Select(c => Invariant($"{Floor(c.ProbabilityBetter!.Value)} against {c.Other}")));
        return new ModelSelection(
            ranking,
            leader.ModelId,
            Invariant($"{leader.ModelId} is best: eligible, ranked {leader.Rank} (score {leader.Score:0.000}), P(better) {evidence}"),
            comparisons);
    }

    /// <summary>
    /// Whether to switch the running model to the selection's best automatically: only where the stage allows it
    /// (<c>StageRules.AutoSwitchAllowed</c> and the configuration's auto_switch_enabled), only when a best model is named,
    /// and only when it differs from <paramref name="current"/>.
    /// </summary>
    public static bool ShouldAutoSwitch(string? current, ModelSelection selection, bool stageAllowsAutoSwitch)
    {
        ArgumentNullException.ThrowIfNull(selection);
        return stageAllowsAutoSwitch && selection.Best is not null && !string.Equals(selection.Best, current, StringComparison.Ordinal);
    }

    private static string Refusal(PairwiseComparison failed, ModelSelectorSettings settings)
    {
        var confidence = settings.Confidence.ToString("0.00##", CultureInfo.InvariantCulture);
        if (failed.ProbabilityBetter is not { } p)
        {
            return Invariant($"{failed.Leader} and {failed.Other} share {failed.CommonDays} days of returns < {settings.MinimumDays}: too few to compare");
        }

        return failed.OtherIsBenchmark
            ? Invariant($"no model beats {failed.Other}: the leader {failed.Leader} has P(better)={Floor(p)} < {confidence}")
            : Invariant($"{failed.Leader} leads {failed.Other} but P(better)={Floor(p)} < {confidence}");
    }

    private static PairwiseComparison Compare(ModelCandidate leader, ModelCandidate other, bool otherIsBenchmark, ModelSelectorSettings settings)
    {
        var otherByDay = other.DailyReturns.ToDictionary(d => d.Day, d => d.Return);
        var differences = new List<double>(leader.DailyReturns.Count);
        foreach (var day in leader.DailyReturns)
        {
            if (otherByDay.TryGetValue(day.Day, out var r))
            {
                differences.Add(day.Return - r);
            }
        }

        var mean = differences.Count == 0 ? 0 : differences.Average();
        double? probability = differences.Count < settings.MinimumDays
            ? null
            : PairedBootstrap.ProbabilityBetter(differences, settings.Resamples, settings.BlockLength, settings.Seed);
        return new PairwiseComparison(leader.ModelId, other.ModelId, otherIsBenchmark, differences.Count, mean, probability);
    }

    private static ModelRanking[] Rank(IReadOnlyList<ModelCandidate> candidates, ModelSelectorSettings settings, HashSet<string> benchmarks)
    {
        var n = candidates.Count;
        var totalWeight = settings.Weights.Total;
        var scores = new MetricScore[n][];
        for (var i = 0; i < n; i++)
        {
            scores[i] = new MetricScore[Metrics.Length];
        }

        for (var m = 0; m < Metrics.Length; m++)
        {
            var metric = Metrics[m];
            var keys = candidates.Select(c => SortKey(metric, c)).ToArray();
            for (var i = 0; i < n; i++)
            {
                double score;
                if (keys[i] is not { } mine)
                {
                    score = 0;
                }
                else if (n == 1)
                {
                    score = 1;
                }
                else
                {
                    double beaten = 0;
                    for (var j = 0; j < n; j++)
                    {
                        if (j != i)
                        {
                            beaten += keys[j] is not { } theirs || mine > theirs ? 1 : mine == theirs ? 0.5 : 0;
                        }
                    }

                    score = beaten / (n - 1);
                }

                var (value, display) = Describe(metric, candidates[i]);
                scores[i][m] = new MetricScore(metric, value, display, score, settings.Weights.Of(metric) / totalWeight);
            }
        }

        var rows = candidates.Select((c, i) =>
        {
            var isBenchmark = benchmarks.Contains(c.ModelId);
            var reasons = isBenchmark ? ["benchmark: never named best"] : Ineligibility(c, settings);
            return new
            {
                Candidate = c,
                IsBenchmark = isBenchmark,
                Reasons = reasons,
                Score = scores[i].Sum(s => s.Score * s.Weight),
                Metrics = scores[i],
            };
        })
        .OrderByDescending(r => r.Score)
        .ThenByDescending(r => r.Candidate.Performance.Sharpe ?? double.NegativeInfinity)
        .ThenBy(r => r.Candidate.ModelId, StringComparer.Ordinal)
        .ToArray();

        return [.. rows.Select((r, i) => new ModelRanking(i + 1, r.Candidate.ModelId, r.IsBenchmark, r.Score, r.Reasons.Count == 0, r.Reasons, r.Metrics))];
    }

    /// <summary>The metric oriented so that higher is better; null when missing.</summary>
    private static double? SortKey(SelectionMetric metric, ModelCandidate c) => metric switch
    {
        SelectionMetric.Sharpe => c.Performance.Sharpe,
        SelectionMetric.MaxDrawdown => -c.Performance.MaxDrawdownDepth,
        SelectionMetric.WinRate => c.Performance.WinRate,
        SelectionMetric.ProfitFactor => c.Performance.ProfitFactorUnbounded ? double.PositiveInfinity : c.Performance.ProfitFactor,
        SelectionMetric.Uptime => c.Uptime,
        SelectionMetric.LatencyP95 => -c.LatencyP95?.TotalSeconds,
        SelectionMetric.ParseSuccess => c.ParseSuccessRate,
        SelectionMetric.Cost => -(double)c.CostUsd,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown selection metric."),
    };

    private static (double? Value, string Display) Describe(SelectionMetric metric, ModelCandidate c)
    {
        if (metric == SelectionMetric.ProfitFactor && c.Performance.ProfitFactorUnbounded)
        {
            return (null, "unbounded");
        }

        double? value = metric switch
        {
            SelectionMetric.MaxDrawdown => c.Performance.MaxDrawdownDepth,
            SelectionMetric.LatencyP95 => c.LatencyP95?.TotalSeconds,
            SelectionMetric.Cost => (double)c.CostUsd,
            _ => SortKey(metric, c),
        };
        var display = value is not { } v ? "n/a" : metric switch
        {
            SelectionMetric.Sharpe or SelectionMetric.ProfitFactor => Invariant($"{v:0.00}"),
            SelectionMetric.LatencyP95 => Invariant($"{v:0.0#} s"),
            SelectionMetric.Cost => Invariant($"${v:0.00}"),
            _ => Invariant($"{v * 100:0.0}%"),
        };
        return (value, display);
    }

    private static List<string> Ineligibility(ModelCandidate c, ModelSelectorSettings s)
    {
        var reasons = new List<string>();
        if (c.Performance.TradeCount < s.MinimumTrades)
        {
            reasons.Add(Invariant($"{c.Performance.TradeCount} trades < {s.MinimumTrades}"));
        }

        if (c.DailyReturns.Count < s.MinimumDays)
        {
            reasons.Add(Invariant($"{c.DailyReturns.Count} days < {s.MinimumDays}"));
        }

        reasons.AddRange(Minimum("parse success", c.ParseSuccessRate, s.MinimumParseSuccess));
        reasons.AddRange(Minimum("uptime", c.Uptime, s.MinimumUptime));
        return reasons;

        static IEnumerable<string> Minimum(string name, double? value, double minimum) =>
            value is not { } v ? [$"{name} unknown"]
            : v < minimum ? [Invariant($"{name} {v * 100:0.0#}% < {minimum * 100:0.##}%")]
            : [];
    }

    private static void Validate(IReadOnlyList<ModelCandidate> candidates)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i] ?? throw new ArgumentException($"candidates[{i}] is null.", nameof(candidates));
            if (string.IsNullOrWhiteSpace(c.ModelId) || !ids.Add(c.ModelId))
            {
                throw new ArgumentException($"candidates[{i}] has a blank or repeated model id '{c.ModelId}'.", nameof(candidates));
            }

            var problem = Problem(c);
            if (problem is not null)
            {
                throw new ArgumentException($"candidates[{i}] ({c.ModelId}) {problem}.", nameof(candidates));
            }
        }
    }

    private static string? Problem(ModelCandidate c)
    {
        if (c.DailyReturns is null || c.Performance is null)
        {
            return "has no daily returns or no performance report";
        }

        for (var d = 0; d < c.DailyReturns.Count; d++)
        {
            var day = c.DailyReturns[d];
            if (!double.IsFinite(day.Return) || day.Return < -1)
            {
                return Invariant($"has the return {day.Return} on {day.Day:yyyy-MM-dd}: returns must be finite and at least -1");
            }

            if (d > 0 && day.Day <= c.DailyReturns[d - 1].Day)
            {
                return Invariant($"has {day.Day:yyyy-MM-dd} after {c.DailyReturns[d - 1].Day:yyyy-MM-dd}: days must be strictly increasing");
            }
        }

        return c.Uptime is < 0 or > 1 or double.NaN ? Invariant($"has uptime {c.Uptime}: it is a fraction in 0..1")
            : c.ParseSuccessRate is < 0 or > 1 or double.NaN ? Invariant($"has parse success rate {c.ParseSuccessRate}: it is a fraction in 0..1")
            : c.LatencyP50 < TimeSpan.Zero || c.LatencyP95 < TimeSpan.Zero ? Invariant($"has a negative latency (p50 {c.LatencyP50}, p95 {c.LatencyP95})")
            : c.CostUsd < 0 ? Invariant($"has cost {c.CostUsd}: it must not be negative")
            : null;
    }

    private static string Floor(double probability) =>
        (Math.Floor(probability * 100) / 100).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
