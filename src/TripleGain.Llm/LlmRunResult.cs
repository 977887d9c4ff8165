using TripleGain.Core.Agents;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Resilience;

namespace TripleGain.Llm;

/// <summary>
/// One run in full: the <see cref="DecisionRun"/> that <see cref="IDecisionModel.RunAsync"/> returns plus how it ended,
/// the tokens, the cost, the latency and, on a provider failure, its kind. <see cref="DecisionRun.Trace"/> is set when
/// the provider answered (parsed or not) and null when no output came back. <see cref="Attempts"/> counts the HTTP
/// requests sent (retries included); <see cref="ProviderCostUsd"/> is the provider's own price where it reports one (xAI).
/// <see cref="FromCache"/> is true when the answer was read from the decision cache: no call, no tokens, no cost.
/// </summary>
public sealed record LlmRunResult(
    DecisionRun Run,
    LlmRunOutcome Outcome,
    TokenUsage Usage,
    decimal CostUsd,
    TimeSpan Latency,
    ProviderFailure? Failure,
    string? Detail,
    int Attempts = 0,
    decimal? ProviderCostUsd = null,
    bool FromCache = false);
