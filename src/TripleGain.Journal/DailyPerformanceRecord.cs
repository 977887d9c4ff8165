namespace TripleGain.Journal;

/// <summary>
/// One model's results on one account for one UTC day (table <c>daily_model_performance</c>; upserted on
/// model, account and day). <see cref="ReturnPct"/> is the day's return in percent; latencies are in milliseconds.
/// </summary>
public sealed record DailyPerformanceRecord(
    string ModelId,
    string AccountId,
    DateOnly Day,
    double ReturnPct,
    decimal Equity,
    int Trades,
    int Wins,
    int Losses,
    double LatencyP50Ms,
    double LatencyP95Ms,
    int ParseSuccesses,
    int ParseFailures,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd);
