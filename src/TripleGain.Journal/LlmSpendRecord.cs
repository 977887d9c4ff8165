namespace TripleGain.Journal;

/// <summary>
/// One LLM model's running totals for one UTC day (table <c>llm_daily_spend</c>): cost, calls and tokens, and when
/// they were last written (UTC). The silo writes them after every call so the daily budget survives a restart.
/// </summary>
public sealed record LlmSpendRecord(
    string ModelId,
    DateOnly Day,
    decimal CostUsd,
    int Calls,
    long InputTokens,
    long OutputTokens,
    DateTime UpdatedAt);
