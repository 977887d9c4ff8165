using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Journal;

/// <summary>
/// One model decision for one pair, as journaled (table <c>decisions</c>).
/// <see cref="Id"/> is assigned by the journal: pass 0 when recording. <see cref="DecisionKey"/> is the caller's natural
/// key (for example "cycle-42:baseline:BTC/USDT"): recording the same key twice keeps the first row.
/// <see cref="Action"/> and the other parsed columns are null when <see cref="ParseStatus"/> is Failed.
/// <see cref="ParsedJson"/> is the parsed decision as JSON (kept byte for byte); <see cref="RawOutput"/> the model's text.
/// Timestamps are UTC and stored to the microsecond (finer ticks are truncated).
/// </summary>
public sealed record DecisionRecord(
    long Id,
    string DecisionKey,
    string? CycleId,
    string AccountId,
    string ModelId,
    Pair Pair,
    DateTime DecidedAt,
    string? PromptName,
    string? PromptHash,
    string? RawOutput,
    string? ParsedJson,
    TradeAction? Action,
    decimal? SizePct,
    double? Confidence,
    decimal? StopLoss,
    decimal? TakeProfit,
    string? Reasoning,
    ParseStatus ParseStatus,
    string? ParseError,
    double LatencyMs,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd)
{
    /// <summary>
    /// The rendered prompt (system and user text) the model answered, for LLM decisions; null for rule-based models.
    /// Stored once per distinct text (table <c>decision_prompts</c>, by SHA-256) however many decisions share it.
    /// Only <see cref="IDecisionJournal.GetDecisionAsync"/> reads it back: decision lists leave it null.
    /// </summary>
    public string? PromptText { get; init; }

    /// <summary>A parsed decision of a model without a prompt (rule-based models): no tokens, no cost.</summary>
    public static DecisionRecord FromTradeDecision(
        string decisionKey, string? cycleId, string accountId, TradeDecision decision, double latencyMs)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new DecisionRecord(
            0, decisionKey, cycleId, accountId, decision.ModelId, decision.Pair, decision.Timestamp,
            PromptName: null, PromptHash: null, RawOutput: null, ParsedJson: null,
            decision.Action, decision.SizePct, decision.Confidence, decision.StopLoss, decision.TakeProfit,
            decision.Reasoning, ParseStatus.Ok, ParseError: null, latencyMs,
            InputTokens: 0, OutputTokens: 0, CostUsd: 0m);
    }
}
