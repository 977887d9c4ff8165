namespace TripleGain.Silo.Services;

/// <summary>
/// One line of the model comparison: the model's paper account (return, Sharpe, Sortino, max drawdown from its equity
/// snapshots; closed round trips, win rate and profit factor from its fills) and its operation (latency, parse success,
/// cost, errors from the model grain), with the selector's rank and score. Null = not measured yet.
/// </summary>
public sealed record ModelRow(
    string ModelId,
    bool IsBenchmark,
    bool Available,
    int? Rank,
    double? Score,
    decimal? Equity,
    double? Return,
    double? Sharpe,
    double? Sortino,
    double? MaxDrawdown,
    double? WinRate,
    double? ProfitFactor,
    bool ProfitFactorUnbounded,
    int Trades,
    double? LatencyP50Ms,
    double? LatencyP95Ms,
    double? ParseSuccess,
    decimal CostUsd,
    long Errors,
    long Timeouts,
    string? LastError);
