using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace TripleGain.Benchmarks;

/// <summary>
/// (d) The model step of one cycle with five LLM models answering after 2 s each (<see cref="LlmCycle"/>): a little
/// more than 2 s when the calls overlap, 10 s if they ran one after the other. Few iterations: each one takes seconds.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
[MinColumn, MaxColumn, MedianColumn]
public class LlmCycleBenchmarks
{
    private LlmCycle? _cycle;

    [GlobalSetup]
    public void Setup() => _cycle = LlmCycle.StartAsync(TimeSpan.FromSeconds(2)).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _cycle?.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark(Description = "5 LLM models x 2 s latency, one cycle")]
    public Task<int> FiveModels() => _cycle!.RunAsync();
}
