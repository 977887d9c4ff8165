extern alias benchmarks;

using benchmarks::TripleGain.Benchmarks;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Backtesting;

/// <summary>The benchmarks' workloads on tiny sizes, so they keep compiling and running (no timing is asserted).</summary>
public class QuickBenchmarkTests
{
    [Fact]
    public void Run_TinySizes_PrintsTheThreeFiguresAndExitsZero()
    {
        var output = new StringWriter();

        var code = QuickBenchmark.Run(QuickSizes.Tiny, output);

        code.ShouldBe(0);
        var text = output.ToString();
        text.ShouldMatch(@"indicators: \d+\.\d ns/candle over 5,000 candles, \d+ B/candle allocated \(target < 150\)");
        text.ShouldMatch(@"generation: 8,640 candles in ");
        text.ShouldMatch(@"backtest: [\d,]+ candles/s, 2 days x 3 pairs, baseline, \d+ trades, \d+ B/candle allocated \(decisions included\) \(target > 1,000,000\)");
        text.ShouldMatch(@"cycle: p50 \d+\.\d us, p99 \d+\.\d us over 20 cycles of 3 pairs, \d+ with orders \(target p99 < 1000 us\)");
        text.ShouldMatch(@"llm cycle: 5 models x 0\.02 s latency in \d+\.\d\d s, [1-5] calls at once \(one after the other: 0\.10 s; target < 0\.03 s\)");
        text.ShouldMatch(@"decisions page: 500 decisions in SQLite \(written in \d+\.\d s, [\d,]+/s\); ms per query: newest p50 [\d.]+ p99 [\d.]+, filtered .*, count .*, deep .*, detail p50 [\d.]+ p99 [\d.]+ \(target p99 < 50 ms\)");
    }

    [Fact]
    public async Task JournalPages_FiveHundredDecisions_PagesCountsAndDetailsReadTheJournal()
    {
        await using var pages = await JournalPages.CreateAsync(500);

        var newest = await pages.Journal.QueryDecisionsAsync(TripleGain.Journal.DecisionFilter.All, TripleGain.Journal.DecisionPageRequest.Newest(100), TestContext.Current.CancellationToken);
        var claude = await pages.Journal.CountDecisionsAsync(new TripleGain.Journal.DecisionFilter(ModelId: "claude"), TestContext.Current.CancellationToken);
        var samples = await pages.MeasureAsync(2);

        (await pages.Journal.CountDecisionsAsync(TripleGain.Journal.DecisionFilter.All, TestContext.Current.CancellationToken)).ShouldBe(500);
        newest.Items.Count.ShouldBe(100);
        claude.ShouldBeInRange(70, 72);
        var llm = newest.Items.First(d => d.ModelId == "claude");
        (await pages.Journal.GetDecisionAsync(llm.Id, TestContext.Current.CancellationToken))!.Decision.PromptText.ShouldNotBeNull().ShouldStartWith("SYSTEM");
        samples.Keys.Order().ShouldBe(["count", "deep", "detail", "filtered", "newest"]);
        samples.Values.ShouldAllBe(v => v.Length == 2);
    }

    [Fact]
    public void DecisionCycle_WarmedTracker_PlansForTheThreePairs()
    {
        var cycle = new DecisionCycle(Workloads.Market(5), warmupDays: 4);

        var plan = cycle.Run();

        cycle.Clock.ShouldBe(Workloads.Start.AddDays(4));
        plan.Timestamp.ShouldBe(cycle.Clock);
        plan.Verdicts.Select(v => v.Decision.Pair).ShouldBe(Pair.All);
        plan.Verdicts.ShouldAllBe(v => !v.Decision.Reasoning.StartsWith("Warming up", StringComparison.Ordinal));
    }

    [Fact]
    public void Workloads_TinySizes_RealCandlesIndicatorsAndBacktest()
    {
        var candles = Workloads.MinuteCandles(300);
        var market = Workloads.Market(1);

        candles.Length.ShouldBe(300);
        candles[^1].Timestamp.ShouldBe(Workloads.Start.AddMinutes(299));
        double.IsFinite(Workloads.StreamIndicators(candles)).ShouldBeTrue();
        Workloads.StreamIndicators(candles).ShouldNotBe(0);
        Workloads.Backtest(market, 1).CandleCount.ShouldBe(1440 * 3);
    }

    [Theory]
    [InlineData(0.50, 5)]
    [InlineData(0.99, 10)]
    [InlineData(0.10, 1)]
    public void Percentile_TenSamples_NearestRank(double fraction, double expected)
    {
        QuickBenchmark.Percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], fraction).ShouldBe(expected);
    }
}
