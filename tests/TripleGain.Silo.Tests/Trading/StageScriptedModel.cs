using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>
/// A model whose decisions a test scripts (<see cref="Play"/>); without a script it holds on every pair. It remembers
/// the last context it was asked with, so tests can see the constraints the stage imposed.
/// </summary>
public sealed class StageScriptedModel(string id) : IDecisionModel
{
    private Func<DecisionContext, IReadOnlyList<TradeDecision>>? _script;
    private Func<Task>? _beforeDeciding;
    private DecisionContext? _lastContext;
    private int _calls;

    public string Id => id;

    public int Calls => Volatile.Read(ref _calls);

    public DecisionContext? LastContext => Volatile.Read(ref _lastContext);

    public void Play(Func<DecisionContext, IReadOnlyList<TradeDecision>>? script) => Volatile.Write(ref _script, script);

    /// <summary>Something to do (once) while the model is being asked, e.g. an operator pressing the emergency stop.</summary>
    public void WhileDeciding(Func<Task>? action) => Volatile.Write(ref _beforeDeciding, action);

    /// <summary>Buys <paramref name="usd"/> of <paramref name="pair"/> at the next decision only, then holds again.</summary>
    public void BuyOnce(params (Pair Pair, decimal Usd)[] buys) =>
        Play(context =>
        {
            Play(null);
            return [.. buys.Select(b => Buy(context, b.Pair, b.Usd))];
        });

    /// <summary>A BUY of about <paramref name="usd"/> (size as % of equity) with a stop 2% below and a target 5% above the price.</summary>
    public TradeDecision Buy(DecisionContext context, Pair pair, decimal usd)
    {
        ArgumentNullException.ThrowIfNull(context);
        var price = context.Market[pair]!.LastPrice;
        var sizePct = Math.Round(usd / context.Portfolio.EquityUsd * 100m, 6);
        return new TradeDecision(Id, pair, TradeAction.Buy, sizePct, 0.9, price * 0.98m, price * 1.05m, $"scripted buy of ${usd}", context.Timestamp);
    }

    public async ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _calls);
        Volatile.Write(ref _lastContext, context);
        if (Interlocked.Exchange(ref _beforeDeciding, null) is { } action)
        {
            await action();
        }

        var script = Volatile.Read(ref _script);
        return script is not null
            ? script(context)
            : [.. context.Market.Pairs.Select(p => TradeDecision.Hold(Id, p.Pair, context.Timestamp, "scripted: hold"))];
    }
}
