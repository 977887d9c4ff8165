namespace TripleGain.Core.Agents;

/// <summary>
/// The result of asking a model once: its decisions (empty when its output was invalid) and the trace.
/// <see cref="Error"/> is set when the model could not decide at all (its provider failed, rejected the key, or did not
/// answer in time): its decisions are then holds carrying the reason. <see cref="Failed"/> is true for an invalid output
/// and for such an error: the decisions must not trade, and a configured fallback model stands in.
/// </summary>
public sealed record DecisionRun(IReadOnlyList<TradeDecision> Decisions, DecisionTrace? Trace)
{
    /// <summary>Why the model could not decide at all; null when it answered (validly or not).</summary>
    public string? Error { get; init; }

    public bool Failed => Error is not null || Trace is { Parsed: false };
}
