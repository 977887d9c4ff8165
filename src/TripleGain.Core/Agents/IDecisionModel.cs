namespace TripleGain.Core.Agents;

/// <summary>
/// The TradingAgent's decision-model contract: a snapshot of the market, the portfolio and the constraints in,
/// one decision per requested pair out. Rule-based models complete synchronously; LLM models (TripleGain.Llm)
/// do I/O behind this interface and override <see cref="RunAsync"/> to return their trace.
/// </summary>
public interface IDecisionModel
{
    /// <summary>Stable id such as "baseline", "buy-and-hold", "claude-sonnet-4-5".</summary>
    string Id { get; }

    ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default);

    /// <summary>Decides and reports how (prompt, raw output, parse status, tokens, cost). Callers that journal use this.</summary>
    async ValueTask<DecisionRun> RunAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        new(await DecideAsync(context, cancellationToken).ConfigureAwait(false), null);
}
