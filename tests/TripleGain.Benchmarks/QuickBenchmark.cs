using System.Diagnostics;
using System.Globalization;

namespace TripleGain.Benchmarks;

/// <summary>
/// The <c>--quick</c> mode: the benchmarks timed with a <see cref="Stopwatch"/> on one thread, printed as plain lines
/// (CI runs it in under a minute). The best of <see cref="QuickSizes.Repetitions"/> runs is reported for the indicator
/// and backtest throughput (the least disturbed by other processes); cycle latencies are percentiles of single cycles.
/// </summary>
public static class QuickBenchmark
{
    public const double IndicatorTargetNs = 150;
    public const double BacktestTargetPerSecond = 1_000_000;
    public const double CycleTargetP99Us = 1_000;

    /// <summary>Five models of latency L must complete one cycle in under this many L (1 = perfect overlap, 5 = none).</summary>
    public const double LlmCycleTargetFactor = 1.5;

    /// <summary>A decisions-page query (a page of 100, its count, a decision's detail) at p99, in milliseconds.</summary>
    public const double JournalPageTargetP99Ms = 50;

    public static int Run(QuickSizes sizes, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(Invariant($"machine: {Environment.ProcessorCount} cores, {Load()}, .NET {Environment.Version}"));

        // (a) The whole indicator set, streaming.
        var candles = Workloads.MinuteCandles(sizes.IndicatorCandles);
        Workloads.StreamIndicators(candles);
        var best = double.MaxValue;
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < sizes.Repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            Workloads.StreamIndicators(candles);
            best = Math.Min(best, watch.Elapsed.TotalNanoseconds / candles.Length);
        }

        var bytesPerCandle = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ((double)candles.Length * sizes.Repetitions);
        output.WriteLine(Invariant($"indicators: {best:0.0} ns/candle over {candles.Length:N0} candles, {bytesPerCandle:0} B/candle allocated (target < {IndicatorTargetNs:0})"));

        // (b) Backtest throughput; the candles are generated once, outside the measurement.
        var generation = Stopwatch.StartNew();
        var market = Workloads.Market(sizes.BacktestDays);
        var generated = generation.Elapsed;
        var bars = (long)sizes.BacktestDays * 1440 * market.Pairs.Count;
        output.WriteLine(Invariant($"generation: {bars:N0} candles in {generated.TotalSeconds:0.00} s ({bars / generated.TotalSeconds:N0} candles/s, not part of the backtest)"));
        Workloads.Backtest(market, Math.Min(sizes.WarmupDays, sizes.BacktestDays));
        var bestRate = 0.0;
        var trades = 0;
        allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var r = 0; r < sizes.Repetitions; r++)
        {
            var watch = Stopwatch.StartNew();
            var result = Workloads.Backtest(market, sizes.BacktestDays);
            bestRate = Math.Max(bestRate, result.CandleCount / watch.Elapsed.TotalSeconds);
            trades = result.Trades.Count;
        }

        bytesPerCandle = (GC.GetAllocatedBytesForCurrentThread() - allocated) / ((double)bars * sizes.Repetitions);
        output.WriteLine(Invariant(
            $"backtest: {bestRate:N0} candles/s, {sizes.BacktestDays} days x {market.Pairs.Count} pairs, baseline, {trades} trades, {bytesPerCandle:0} B/candle allocated (decisions included) (target > {BacktestTargetPerSecond:N0})"));

        // (c) One decision cycle without the LLM, over successive market states.
        var cycleMarket = Workloads.Market(sizes.CycleWarmupDays + (int)Math.Ceiling(sizes.Cycles * 5 / 1440.0) + 1);
        var cycle = new DecisionCycle(cycleMarket, sizes.CycleWarmupDays);
        var samples = new double[sizes.Cycles];
        var withOrders = 0;
        for (var i = 0; i < samples.Length; i++)
        {
            cycle.Advance(5);
            var started = Stopwatch.GetTimestamp();
            var plan = cycle.Run();
            samples[i] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            withOrders += plan.Orders.Count > 0 ? 1 : 0;
        }

        Array.Sort(samples);
        output.WriteLine(Invariant(
            $"cycle: p50 {Percentile(samples, 0.50):0.0} us, p99 {Percentile(samples, 0.99):0.0} us over {samples.Length:N0} cycles of 3 pairs, {withOrders} with orders (target p99 < {CycleTargetP99Us:0} us)"));

        // (d) The model step of a cycle with five LLM models answering after the same latency: they must overlap.
        RunLlmCycleAsync(sizes.LlmLatency, output).GetAwaiter().GetResult();

        // (e) The decisions page on a SQLite journal of the size.
        RunJournalPagesAsync(sizes, output).GetAwaiter().GetResult();
        return 0;
    }

    private static async Task RunJournalPagesAsync(QuickSizes sizes, TextWriter output)
    {
        var fill = Stopwatch.StartNew();
        await using var pages = await JournalPages.CreateAsync(sizes.JournalDecisions).ConfigureAwait(false);
        var filled = fill.Elapsed.TotalSeconds;
        await pages.MeasureAsync(1).ConfigureAwait(false);
        var samples = await pages.MeasureAsync(sizes.JournalRounds).ConfigureAwait(false);
        var figures = string.Join(", ", samples.Select(s => Invariant($"{s.Key} p50 {Percentile(s.Value, 0.5):0.0} p99 {Percentile(s.Value, 0.99):0.0}")));
        output.WriteLine(Invariant(
            $"decisions page: {pages.Count:N0} decisions in SQLite (written in {filled:0.0} s, {pages.Count / filled:N0}/s); ms per query: {figures} (target p99 < {JournalPageTargetP99Ms:0} ms)"));
    }

    private static async Task RunLlmCycleAsync(TimeSpan latency, TextWriter output)
    {
        await using var llm = await LlmCycle.StartAsync(latency).ConfigureAwait(false);
        await llm.RunAsync().ConfigureAwait(false);
        var watch = Stopwatch.StartNew();
        await llm.RunAsync().ConfigureAwait(false);
        var elapsed = watch.Elapsed.TotalSeconds;
        output.WriteLine(Invariant(
            $"llm cycle: {llm.Models} models x {latency.TotalSeconds:0.00} s latency in {elapsed:0.00} s, {llm.MaxConcurrency} calls at once (one after the other: {llm.Models * latency.TotalSeconds:0.00} s; target < {latency.TotalSeconds * LlmCycleTargetFactor:0.00} s)"));
    }

    /// <summary>The nearest-rank percentile of sorted samples.</summary>
    public static double Percentile(double[] sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private static string Load()
    {
        try
        {
            var text = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ') : [];
            return text.Length >= 3 ? $"load average {text[0]} {text[1]} {text[2]}" : "load average unknown";
        }
        catch (IOException)
        {
            return "load average unknown";
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
