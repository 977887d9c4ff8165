using BenchmarkDotNet.Attributes;
using TripleGain.Core.Market;

namespace TripleGain.Benchmarks;

/// <summary>
/// (b) Backtest throughput: one year of 1-minute candles of the three pairs (1,576,800 candles), baseline model, the
/// seed's paper settings. The candles are generated once in the setup into a <see cref="MemoryCandleSource"/>;
/// <see cref="Generate"/> measures generation on its own. Means are per candle (candles/s = 1e9 / mean in ns).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class BacktestBenchmarks
{
    public const int Days = 365;
    public const int CandlesPerRun = Days * 1440 * 3;

    private MemoryCandleSource? _market;

    [GlobalSetup]
    public void Setup() => _market = Workloads.Market(Days);

    [Benchmark(OperationsPerInvoke = CandlesPerRun, Description = "backtest, per candle")]
    public long Backtest() => Workloads.Backtest(_market!, Days).CandleCount;

    [Benchmark(OperationsPerInvoke = CandlesPerRun, Description = "simulated market generation, per candle")]
    public int Generate() => Workloads.Market(Days).Pairs.Count;
}
