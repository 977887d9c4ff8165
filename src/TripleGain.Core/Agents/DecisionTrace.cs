namespace TripleGain.Core.Agents;

/// <summary>
/// How a model reached its decisions in one call, for the journal: the prompt template's name and hash, the raw output,
/// whether it parsed (and why not), latency, tokens and cost. Rule-based models have no trace.
/// </summary>
public sealed record DecisionTrace(
    string PromptName,
    string PromptHash,
    string Prompt,
    string RawOutput,
    bool Parsed,
    string? ParseError,
    TimeSpan Latency,
    int InputTokens,
    int OutputTokens,
    decimal CostUsd);
