using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace TripleGain.Benchmarks;

/// <summary>
/// (c) One decision cycle without the LLM (technical agent, baseline, risk and coordinator for the three pairs) from a
/// tracker warmed up on 20 days. Each iteration first advances the market 5 minutes (not measured), so the 100 iterations
/// cover 100 market states; the columns are statistics of the iterations' means. The quick mode reports per-cycle p50/p99.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, iterationCount: 100, invocationCount: 200)]
[MinColumn, MaxColumn, MedianColumn]
public class CycleBenchmarks
{
    private DecisionCycle? _cycle;

    [GlobalSetup]
    public void Setup() => _cycle = new DecisionCycle(Workloads.Market(120), warmupDays: 20);

    [IterationSetup]
    public void Advance() => _cycle!.Advance(5);

    [Benchmark(Description = "decision cycle, 3 pairs")]
    public int Cycle() => _cycle!.Run().Orders.Count;
}
