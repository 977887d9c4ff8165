using BenchmarkDotNet.Configs;

namespace TripleGain.Benchmarks;

/// <summary>Adds the <see cref="CandlesPerSecondColumn"/> to the default configuration.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig()
    {
        AddColumn(new CandlesPerSecondColumn());
    }
}
