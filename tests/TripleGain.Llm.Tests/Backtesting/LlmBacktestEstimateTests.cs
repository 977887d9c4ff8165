using TripleGain.Core.Agents;
using TripleGain.Llm.Backtesting;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Backtesting;

public sealed class LlmBacktestEstimateTests
{
    private static readonly DateTime Jan1 = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static LlmProviderOptions Claude(DateOnly? cutoff = null) => new()
    {
        Id = "claude-sonnet-4-5",
        Provider = LlmProviderKind.Anthropic,
        ModelName = "claude-sonnet-4-5",
        InputPricePerMillion = 3m,
        OutputPricePerMillion = 15m,
        KnowledgeCutoff = cutoff,
    };

    [Theory]
    [InlineData("2025-01-01T00:00", "2025-01-01T01:00", 300, 11)] // 00:05 .. 00:55; none at the start, none at the end
    [InlineData("2025-01-01T00:01", "2025-01-01T01:01", 300, 12)] // 00:05 .. 01:00
    [InlineData("2025-01-01T00:00", "2025-01-02T00:00", 300, 287)]
    [InlineData("2025-01-01T00:00", "2025-01-01T00:05", 300, 0)]
    [InlineData("2025-01-01T00:00", "2025-01-01T00:06", 300, 1)]
    public void DecisionTimesBetween_UtcBoundariesStrictlyInside_AreCounted(string from, string to, int seconds, int expected)
    {
        LlmBacktestEstimate.DecisionTimesBetween(Utc(from), Utc(to), TimeSpan.FromSeconds(seconds)).ShouldBe(expected);
    }

    [Fact]
    public async Task ComputeAsync_OneDayThreePairs_CostIsCallsTimesTokensTimesPrices()
    {
        var estimate = await LlmBacktestEstimate.ComputeAsync(Claude(new DateOnly(2024, 12, 31)), Jan1, Jan1.AddDays(1), TimeSpan.FromMinutes(5), 3, null, Cancel);

        estimate.DecisionTimes.ShouldBe(287);
        estimate.Calls.ShouldBe(287);
        estimate.InputTokensPerCall.ShouldBe(1300 + (3 * 750));
        estimate.OutputTokensPerCall.ShouldBe(40 + (3 * 150));
        estimate.CostPerCallUsd.ShouldBe(((3550m * 3m) + (490m * 15m)) / 1_000_000m);
        estimate.CostUsd.ShouldBe(estimate.CostPerCallUsd * 287);
        estimate.Warnings.ShouldBeEmpty();
        estimate.Exceeds(estimate.CostUsd).ShouldBeFalse();
        estimate.Exceeds(estimate.CostUsd - 0.01m).ShouldBeTrue();
        estimate.Describe().ShouldBe("claude-sonnet-4-5: 287 decision times x 3 pairs, 0 answers cached: about 287 calls of ~3,550 input + 490 output tokens, $0.0180 each: about $5.17");
    }

    [Fact]
    public async Task ComputeAsync_AnswersCached_AreNotCounted()
    {
        var cache = new InMemoryDecisionCache();
        for (var i = 1; i <= 100; i++)
        {
            await cache.StoreAsync(new CachedModelAnswer("claude-sonnet-4-5", new string('a', 60) + i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
                Jan1.AddMinutes(5 * i), "claude-sonnet-4-5", "trading/decision@1", "x", "{}", 1, 1, 0.01m, 1, Jan1), Cancel);
        }

        var estimate = await LlmBacktestEstimate.ComputeAsync(Claude(), Jan1, Jan1.AddDays(1), TimeSpan.FromMinutes(5), 2, cache, Cancel);
        var rerun = await LlmBacktestEstimate.ComputeAsync(Claude(), Jan1, Jan1.AddHours(2), TimeSpan.FromMinutes(5), 2, cache, Cancel);

        estimate.CachedAnswers.ShouldBe(100);
        estimate.Calls.ShouldBe(187);
        rerun.Calls.ShouldBe(0);
        rerun.CostUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task ComputeAsync_PeriodBeforeKnowledgeCutoff_Warns()
    {
        var inside = await LlmBacktestEstimate.ComputeAsync(Claude(new DateOnly(2025, 3, 31)), Jan1, Jan1.AddMonths(1), TimeSpan.FromMinutes(5), 1, null, Cancel);
        var across = await LlmBacktestEstimate.ComputeAsync(Claude(new DateOnly(2025, 1, 15)), Jan1, Jan1.AddMonths(1), TimeSpan.FromMinutes(5), 1, null, Cancel);
        var unknown = await LlmBacktestEstimate.ComputeAsync(Claude(), Jan1, Jan1.AddMonths(1), TimeSpan.FromMinutes(5), 1, null, Cancel);

        inside.Warnings.Single().ShouldBe("the backtest period 2025-01-01 00:00Z .. 2025-02-01 00:00Z lies before the knowledge cutoff of claude-sonnet-4-5 (2025-03-31): its decisions may know the future, so its results overstate what it can do.");
        across.Warnings.Single().ShouldContain("begins before the knowledge cutoff of claude-sonnet-4-5 (2025-01-15)");
        unknown.Warnings.Single().ShouldContain("has no KnowledgeCutoff configured (Llm:Models:claude-sonnet-4-5:KnowledgeCutoff)");
    }

    [Fact]
    public async Task ComputeAsync_EndNotAfterStart_Throws()
    {
        var error = await Should.ThrowAsync<ArgumentException>(() => LlmBacktestEstimate.ComputeAsync(Claude(), Jan1, Jan1, TimeSpan.FromMinutes(5), 1, null, Cancel));

        error.Message.ShouldContain("must be after its start 2025-01-01 00:00Z");
    }

    [Fact]
    public async Task TokensPerCall_RealRenderedPrompt_IsWithinTheEstimate()
    {
        // ~4 characters per token: the estimate must not undershoot the prompt of a three-pair context
        var prompt = await new DecisionPrompt(PromptLibrary.Load()).RenderAsync(TestContexts.Create(withXrpBtc: true), Cancel);
        var estimated = LlmBacktestEstimate.BaseInputTokens + (3 * LlmBacktestEstimate.InputTokensPerPair);

        (prompt.Text.Length / 4).ShouldBeLessThan(estimated);
        (prompt.Text.Length / 4).ShouldBeGreaterThan(estimated / 4);
    }

    private static DateTime Utc(string text) => DateTime.SpecifyKind(DateTime.Parse(text, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
}
