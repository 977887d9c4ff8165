using BenchmarkDotNet.Attributes;
using TripleGain.Core.Market;

namespace TripleGain.Benchmarks;

/// <summary>(a) The whole indicator set, streaming, over 1,000,000 1-minute candles: the mean is per candle.</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class IndicatorBenchmarks
{
    public const int Candles = 1_000_000;

    private Candle[] _candles = [];

    [GlobalSetup]
    public void Setup() => _candles = Workloads.MinuteCandles(Candles);

    [Benchmark(OperationsPerInvoke = Candles, Description = "IndicatorSetStream.Add, per candle")]
    public double StreamPerCandle() => Workloads.StreamIndicators(_candles);
}
