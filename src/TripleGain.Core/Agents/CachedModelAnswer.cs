namespace TripleGain.Core.Agents;

/// <summary>
/// One model answer as the <see cref="IDecisionCache"/> keeps it: the key (<see cref="ModelId"/>, <see cref="PromptHash"/>,
/// the lower-case hex SHA-256 of the rendered prompt), the market time the prompt was for (<see cref="DecisionTime"/>,
/// UTC), the provider model that answered, the prompt template's name and
/// hash, the raw output (parsed again on every read, against the same context) and what the original call took:
/// tokens, cost and latency. <see cref="CreatedAt"/> is UTC.
/// </summary>
public sealed record CachedModelAnswer(
    string ModelId,
    string PromptHash,
    DateTime DecisionTime,
    string ProviderModel,
    string PromptName,
    string TemplateHash,
    string RawOutput,
    long InputTokens,
    long OutputTokens,
    decimal CostUsd,
    double LatencyMs,
    DateTime CreatedAt);
