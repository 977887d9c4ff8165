using TripleGain.Core.Selection;
using static TripleGain.Tests.Shared.Candidates;

namespace TripleGain.Core.Tests.Selection;

public class ModelSelectorTests
{
    private const int Days = 90;
    private static readonly double[] Market = [.. Normals(Days, 1).Select(z => 0.02 * z)];

    [Fact]
    public void Select_ClearWinnerWithStrongEvidence_IsNamed()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market),
            Candidate("claude", Returns(Market, 0.5, 0.005, 0.003, seed: 2), winRate: 0.62),
            Candidate("gpt-4o", Returns(Market, 0.5, 0.0, 0.003, seed: 3), winRate: 0.5),
        ];

        var selection = ModelSelector.Select(candidates);

        selection.Best.ShouldBe("claude");
        selection.Ranking[0].ModelId.ShouldBe("claude");
        selection.Reason.ShouldStartWith("claude is best: eligible, ranked 1");
        selection.Comparisons.Select(c => c.Other).ShouldBe(["buy-and-hold", "baseline", "gpt-4o"]);
        selection.Comparisons.ShouldAllBe(c => c.ProbabilityBetter >= 0.95 && c.CommonDays == Days);
    }

    [Fact]
    public void Select_CloseRace_NamesNobodyAndGivesTheProbability()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market, buyAndHoldDrift: -0.004, baselineDrift: -0.004),
            Candidate("claude", Returns(Market, 0.5, 0.0010, 0.005, seed: 2), winRate: 0.6, latencySeconds: 2, cost: 3m),
            Candidate("gpt-4o", Returns(Market, 0.5, 0.0007, 0.005, seed: 3), winRate: 0.5, latencySeconds: 6, cost: 9m),
        ];

        var selection = ModelSelector.Select(candidates);

        selection.Ranking[0].ModelId.ShouldBe("claude");
        selection.Best.ShouldBeNull();
        var versusGpt = selection.Comparisons.Single(c => c.Other == "gpt-4o");
        var p = versusGpt.ProbabilityBetter.ShouldNotBeNull();
        p.ShouldBeInRange(0.5, 0.95);
        selection.Reason.ShouldBe(FormattableString.Invariant($"claude leads gpt-4o but P(better)={Math.Floor(p * 100) / 100:0.00} < 0.95"));
        selection.Comparisons.Where(c => c.OtherIsBenchmark).ShouldAllBe(c => c.ProbabilityBetter >= 0.95);
    }

    [Fact]
    public void Select_LeaderDoesNotBeatBuyAndHold_NamesNobody()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market, buyAndHoldDrift: 0.004),
            Candidate("claude", Returns(Market, 0.5, 0.002, 0.003, seed: 2), winRate: 0.62),
            Candidate("gpt-4o", Returns(Market, 0.5, -0.003, 0.003, seed: 3), winRate: 0.4),
        ];

        var selection = ModelSelector.Select(candidates);

        selection.Best.ShouldBeNull();
        selection.Reason.ShouldStartWith("no model beats buy-and-hold: the leader claude has P(better)=");
        selection.Comparisons.Single(c => c.Other == "buy-and-hold").ProbabilityBetter.ShouldNotBeNull().ShouldBeLessThan(0.95);
    }

    [Fact]
    public void Select_BestPerformerIneligible_IsExcludedAndTheEligibleOneIsJudged()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market),
            Candidate("grok", Returns(Market, 0.5, 0.01, 0.003, seed: 4), trades: 12, winRate: 0.9),
            Candidate("deepseek", Returns(Market, 0.5, 0.009, 0.003, seed: 5), winRate: 0.9, parse: 0.95),
            Candidate("claude", Returns(Market, 0.5, 0.005, 0.003, seed: 2)),
        ];

        var selection = ModelSelector.Select(candidates);

        selection.Best.ShouldBe("claude");
        var grok = selection.Ranking.Single(r => r.ModelId == "grok");
        grok.Eligible.ShouldBeFalse();
        grok.IneligibleReasons.ShouldBe(["12 trades < 20"]);
        selection.Ranking.Single(r => r.ModelId == "deepseek").IneligibleReasons.ShouldBe(["parse success 95.0% < 98%"]);
        selection.Comparisons.Select(c => c.Other).ShouldNotContain("grok");
    }

    [Fact]
    public void Select_NoEligibleModel_SaysWhyForEach()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market),
            Candidate("claude", Returns(Market, 0.5, 0.01, 0.003, seed: 2), trades: 5, uptime: 0.9),
            Candidate("qwen", Returns(Market, 0.5, 0.01, 0.003, seed: 3)[..20], parse: null),
        ];

        var selection = ModelSelector.Select(candidates);

        selection.Best.ShouldBeNull();
        selection.Reason.ShouldContain("no eligible model: ");
        selection.Reason.ShouldContain("claude (5 trades < 20, uptime 90.0% < 95%)");
        selection.Reason.ShouldContain("qwen (20 days < 30, parse success unknown)");
        selection.Comparisons.ShouldBeEmpty();
    }

    [Fact]
    public void Select_OnlyBenchmarks_NamesNobody()
    {
        var selection = ModelSelector.Select(Benchmarks(Market));

        selection.Best.ShouldBeNull();
        selection.Reason.ShouldBe("no model besides the benchmarks");
        selection.Ranking.ShouldAllBe(r => r.IsBenchmark && !r.Eligible);
    }

    [Fact]
    public void Select_BenchmarkMissing_NamesNobody()
    {
        ModelCandidate[] candidates = [Benchmarks(Market)[1], Candidate("claude", Returns(Market, 0.5, 0.01, 0.003, seed: 2))];

        ModelSelector.Select(candidates).Reason.ShouldStartWith("benchmark 'buy-and-hold' is missing");
    }

    [Fact]
    public void Select_TooFewCommonDays_CannotCompare()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market),
            Candidate("claude", Returns(Market, 0.5, 0.01, 0.003, seed: 2)),
            Candidate("gpt-4o", Returns(Market, 0.5, 0.0, 0.003, seed: 3), firstDay: 70),
        ];

        var selection = ModelSelector.Select(candidates, ModelSelectorSettings.Default with { MinimumDays = 30 });

        selection.Best.ShouldBeNull();
        selection.Reason.ShouldBe("claude and gpt-4o share 20 days of returns < 30: too few to compare");
    }

    [Fact]
    public void Select_SameInputTwice_SameResult()
    {
        ModelCandidate[] candidates =
        [
            .. Benchmarks(Market),
            Candidate("claude", Returns(Market, 0.5, 0.0010, 0.005, seed: 2)),
            Candidate("gpt-4o", Returns(Market, 0.5, 0.0007, 0.005, seed: 3)),
        ];

        var first = ModelSelector.Select(candidates);
        var second = ModelSelector.Select(candidates);

        second.Reason.ShouldBe(first.Reason);
        second.Comparisons.ShouldBe(first.Comparisons);
        second.Ranking.Select(r => (r.ModelId, r.Score)).ShouldBe(first.Ranking.Select(r => (r.ModelId, r.Score)));
    }

    [Fact]
    public void Select_SharpeOnlyWeights_ScoresAreNormalisedRanks()
    {
        var settings = ModelSelectorSettings.Default with
        {
            Weights = new SelectionWeights { Sharpe = 1, MaxDrawdown = 0, ProfitFactor = 0, WinRate = 0, ParseSuccess = 0, Uptime = 0, LatencyP95 = 0, Cost = 0 },
        };
        var up = Returns(Market, 0.5, 0.004, 0.003, seed: 2);
        ModelCandidate[] candidates =
        [
            Candidate("a", up),
            Candidate("b", up), // same Sharpe as a: a tie counts half
            Candidate("c", Returns(Market, 0.5, -0.004, 0.003, seed: 3)),
            Candidate("flat", new double[Days]), // Sharpe undefined (null): scores 0
        ];

        var ranking = ModelSelector.Select(candidates, settings).Ranking;

        ranking.Select(r => (r.ModelId, r.Score)).ShouldBe([("a", 2.5 / 3), ("b", 2.5 / 3), ("c", 1.0 / 3), ("flat", 0.0)]);
        ranking.Select(r => r.Rank).ShouldBe([1, 2, 3, 4]);
        ranking[3].Metrics.Single(m => m.Metric == SelectionMetric.Sharpe).Display.ShouldBe("n/a");
    }

    [Fact]
    public void Select_LowerIsBetterMetrics_RankCheapestAndFastestFirst()
    {
        var settings = ModelSelectorSettings.Default with
        {
            Weights = new SelectionWeights { Sharpe = 0, MaxDrawdown = 0, ProfitFactor = 0, WinRate = 0, ParseSuccess = 0, Uptime = 0, LatencyP95 = 1, Cost = 1 },
        };
        var r = Returns(Market, 0.5, 0, 0.003, seed: 2);
        ModelCandidate[] candidates = [Candidate("slow", r, latencySeconds: 9, cost: 1m), Candidate("fast", r, latencySeconds: 1, cost: 2m), Candidate("cheap-fast", r, latencySeconds: 1, cost: 0m)];

        var ranking = ModelSelector.Select(candidates, settings).Ranking;

        ranking.Select(x => x.ModelId).ShouldBe(["cheap-fast", "fast", "slow"]);
        ranking[0].Score.ShouldBe((0.75 + 1) / 2, 1e-12);
        ranking[0].Metrics.Single(m => m.Metric == SelectionMetric.Cost).Weight.ShouldBe(0.5);
    }

    [Fact]
    public void Select_NoCandidates_SaysSo()
    {
        ModelSelector.Select([]).Reason.ShouldBe("no candidates to rank");
    }

    [Fact]
    public void Select_BadCandidate_ThrowsNamingIt()
    {
        var good = Candidate("claude", Returns(Market, 0.5, 0, 0.003, seed: 2));

        Should.Throw<ArgumentException>(() => ModelSelector.Select([good, good])).Message.ShouldContain("repeated model id 'claude'");
        Should.Throw<ArgumentException>(() => ModelSelector.Select([good with { Uptime = 1.5 }])).Message.ShouldContain("uptime 1.5");
        Should.Throw<ArgumentException>(() => ModelSelector.Select([good with { DailyReturns = [.. good.DailyReturns.Reverse()] }]))
            .Message.ShouldContain("strictly increasing");
        Should.Throw<ArgumentException>(() => ModelSelector.Select([good with { CostUsd = -1m }])).Message.ShouldContain("cost -1");
    }

    [Fact]
    public void Settings_BadValues_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new ModelSelectorSettings { Confidence = 1 });
        Should.Throw<ArgumentOutOfRangeException>(() => new ModelSelectorSettings { Resamples = 10 });
        Should.Throw<ArgumentOutOfRangeException>(() => new SelectionWeights { Sharpe = -1 });
        Should.Throw<ArgumentException>(() => new ModelSelectorSettings
        {
            Weights = new SelectionWeights { Sharpe = 0, MaxDrawdown = 0, ProfitFactor = 0, WinRate = 0, ParseSuccess = 0, Uptime = 0, LatencyP95 = 0, Cost = 0 },
        });
    }

    [Theory]
    [InlineData("gpt-4o", "claude", true, true)]
    [InlineData(null, "claude", true, true)]
    [InlineData("claude", "claude", true, false)]
    [InlineData("gpt-4o", "claude", false, false)]
    [InlineData("gpt-4o", null, true, false)]
    public void ShouldAutoSwitch_Cases(string? current, string? best, bool stageAllows, bool expected)
    {
        var selection = new ModelSelection([], best, "test", []);

        ModelSelector.ShouldAutoSwitch(current, selection, stageAllows).ShouldBe(expected);
    }
}
