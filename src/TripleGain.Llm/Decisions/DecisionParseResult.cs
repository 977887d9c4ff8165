using TripleGain.Core.Agents;

namespace TripleGain.Llm.Decisions;

/// <summary>
/// The outcome of parsing one model output: either the validated decisions (one per pair of the context; pairs the
/// model left out are held) or a failure with the reason ("decision 1: stop_loss 71000 is above the price 70000 for a BUY").
/// A failure carries no decisions: an invalid output never becomes a trade.
/// </summary>
public sealed record DecisionParseResult
{
    private DecisionParseResult(bool success, IReadOnlyList<TradeDecision> decisions, string? error)
    {
        Success = success;
        Decisions = decisions;
        Error = error;
    }

    public bool Success { get; }

    /// <summary>The validated decisions; empty when <see cref="Success"/> is false.</summary>
    public IReadOnlyList<TradeDecision> Decisions { get; }

    /// <summary>Why the output was rejected; null on success.</summary>
    public string? Error { get; }

    public static DecisionParseResult Parsed(IReadOnlyList<TradeDecision> decisions) => new(true, decisions, null);

    public static DecisionParseResult Failed(string error) => new(false, [], error);
}
