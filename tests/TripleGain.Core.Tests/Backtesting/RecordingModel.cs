using TripleGain.Core.Agents;

namespace TripleGain.Core.Tests.Backtesting;

/// <summary>Wraps a model and records every context it was given and every decision it returned.</summary>
internal sealed class RecordingModel : IDecisionModel
{
    private readonly IDecisionModel _inner;

    public RecordingModel(IDecisionModel inner)
    {
        _inner = inner;
    }

    public string Id => _inner.Id;

    public List<DecisionContext> Contexts { get; } = [];

    public List<TradeDecision> Decisions { get; } = [];

    public async ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        Contexts.Add(context);
        var decisions = await _inner.DecideAsync(context, cancellationToken);
        Decisions.AddRange(decisions);
        return decisions;
    }
}
