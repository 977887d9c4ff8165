using BenchmarkDotNet.Running;
using TripleGain.Benchmarks;

// dotnet run -c Release --project tests/TripleGain.Benchmarks                -> BenchmarkDotNet (all five; pass --filter to pick)
// dotnet run -c Release --project tests/TripleGain.Benchmarks -- --quick     -> Stopwatch figures in under a minute
if (args.Contains("--quick"))
{
    return QuickBenchmark.Run(QuickSizes.Full, Console.Out);
}

var summaries = BenchmarkSwitcher.FromTypes([typeof(IndicatorBenchmarks), typeof(BacktestBenchmarks), typeof(CycleBenchmarks), typeof(LlmCycleBenchmarks), typeof(JournalBenchmarks)])
    .Run(args.Length == 0 ? ["--filter", "*"] : args);
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
