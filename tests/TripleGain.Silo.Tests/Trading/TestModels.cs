using TripleGain.Core.Agents;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>A model that answers after a long real delay (it must be cut off by the grain's timeout).</summary>
public sealed class SlowModel : IDecisionModel
{
    public string Id => "slow";

    public async ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        return [];
    }
}

/// <summary>A model that always fails.</summary>
public sealed class BrokenModel : IDecisionModel
{
    public string Id => "broken";

    public ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("provider exploded");
}

/// <summary>A model that holds by itself because it could not decide (as an LLM does when its provider fails): <see cref="DecisionRun.Error"/> is set.</summary>
public sealed class ProviderDownModel : IDecisionModel
{
    public const string Reason = "provider-down: ServerError: HTTP 500: Internal server error";

    public string Id => "provider-down";

    public ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult<IReadOnlyList<TradeDecision>>([.. context.Pairs.Select(p => TradeDecision.Hold(Id, p, context.Timestamp, Reason))]);

    public async ValueTask<DecisionRun> RunAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        new DecisionRun(await DecideAsync(context, cancellationToken), null) { Error = Reason };
}
