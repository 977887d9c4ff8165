namespace TripleGain.Benchmarks;

/// <summary>How much work the quick mode does: <see cref="Full"/> is the benchmark (under a minute), <see cref="Tiny"/> a smoke test.</summary>
public sealed record QuickSizes
{
    /// <summary>1-minute candles streamed through the whole indicator set.</summary>
    public int IndicatorCandles { get; init; } = 1_000_000;

    /// <summary>Days of three-pair 1-minute candles backtested.</summary>
    public int BacktestDays { get; init; } = 365;

    /// <summary>Days backtested once before measuring, so the JIT has compiled the hot paths.</summary>
    public int WarmupDays { get; init; } = 20;

    /// <summary>Days fed to the tracker before the first measured cycle.</summary>
    public int CycleWarmupDays { get; init; } = 20;

    /// <summary>Decision cycles measured one by one (5 minutes of candles apart).</summary>
    public int Cycles { get; init; } = 5_000;

    /// <summary>Measurements of the indicator and backtest workloads; the best is reported.</summary>
    public int Repetitions { get; init; } = 3;

    /// <summary>How long each of the five LLM models takes to answer in the LLM cycle (the 2 s).</summary>
    public TimeSpan LlmLatency { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Decisions in the journal the decisions page is queried on (the 100,000).</summary>
    public int JournalDecisions { get; init; } = 100_000;

    /// <summary>Times each decisions-page query is measured.</summary>
    public int JournalRounds { get; init; } = 60;

    public static QuickSizes Full { get; } = new();

    public static QuickSizes Tiny { get; } = new()
    {
        IndicatorCandles = 5_000,
        BacktestDays = 2,
        WarmupDays = 1,
        CycleWarmupDays = 4,
        Cycles = 20,
        Repetitions = 1,
        LlmLatency = TimeSpan.FromMilliseconds(20),
        JournalDecisions = 500,
        JournalRounds = 3,
    };
}
