using System.Globalization;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Agents;

/// <summary>
/// The passive benchmark (id "buy-and-hold"): on its first decision for a pair it BUYs that pair's allocation
/// (<see cref="BuyAndHoldSettings"/>; by default 90% of equity split equally over the USDT-quoted pairs, the cross
/// XRP/BTC only held), with confidence 1 and no stop or target, then HOLDs forever. A pair counts as bought once this
/// instance has decided to buy it, once <see cref="DecisionContext.RecentDecisions"/> holds a BUY of this model for it,
/// or while the portfolio holds a long position in it (after a restart). Use one instance per account or run.
/// Completes synchronously; safe to call from several threads.
/// </summary>
public sealed class BuyAndHoldModel : IDecisionModel
{
    public const string ModelId = "buy-and-hold";

    private readonly HashSet<Pair> _bought = [];
    private readonly Lock _gate = new();

    public BuyAndHoldModel(BuyAndHoldSettings? settings = null)
    {
        Settings = settings ?? BuyAndHoldSettings.Default;
        Settings.Validate();
    }

    public string Id => ModelId;

    public BuyAndHoldSettings Settings { get; }

    public ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(context.Market, nameof(context.Market));
        ArgumentNullException.ThrowIfNull(context.Portfolio, nameof(context.Portfolio));
        cancellationToken.ThrowIfCancellationRequested();

        var pairs = context.Market.Pairs;
        var usdtPairs = 0;
        foreach (var pair in pairs)
        {
            usdtPairs += pair.Pair.Quote == Asset.USDT ? 1 : 0;
        }

        var decisions = new TradeDecision[pairs.Count];
        lock (_gate)
        {
            for (var i = 0; i < decisions.Length; i++)
            {
                decisions[i] = Decide(pairs[i].Pair, context, usdtPairs);
            }
        }

        return ValueTask.FromResult<IReadOnlyList<TradeDecision>>(decisions);
    }

    private TradeDecision Decide(Pair pair, DecisionContext context, int usdtPairs)
    {
        if (context.Portfolio.PositionIn(pair) is { Side: PositionSide.Long })
        {
            _bought.Add(pair);
            return TradeDecision.Hold(ModelId, pair, context.Timestamp, $"Buy and hold: holding the long {pair} position.");
        }

        if (_bought.Contains(pair) || BoughtBefore(pair, context.RecentDecisions))
        {
            _bought.Add(pair);
            return TradeDecision.Hold(ModelId, pair, context.Timestamp, $"Buy and hold: {pair} was bought; holding.");
        }

        var allocation = Allocation(pair, usdtPairs);
        if (allocation <= 0)
        {
            return TradeDecision.Hold(ModelId, pair, context.Timestamp, $"Buy and hold: no allocation to {pair}; held through the other pairs.");
        }

        _bought.Add(pair);
        var reasoning = string.Create(CultureInfo.InvariantCulture, $"Buy and hold: initial allocation of {allocation}% of equity to {pair}, held without stop.");
        return new TradeDecision(ModelId, pair, TradeAction.Buy, allocation, 1d, null, null, reasoning, context.Timestamp);
    }

    private decimal Allocation(Pair pair, int usdtPairs)
    {
        if (Settings.Allocations is { } allocations)
        {
            return allocations.TryGetValue(pair, out var pct) ? pct : 0m;
        }

        return pair.Quote == Asset.USDT && usdtPairs > 0
            ? decimal.Round(Settings.TotalAllocationPct / usdtPairs, 2, MidpointRounding.ToZero)
            : 0m;
    }

    private static bool BoughtBefore(Pair pair, IReadOnlyList<TradeDecision>? recent)
    {
        if (recent is null)
        {
            return false;
        }

        foreach (var decision in recent)
        {
            if (decision.ModelId == ModelId && decision.Pair == pair && decision.Action == TradeAction.Buy)
            {
                return true;
            }
        }

        return false;
    }
}
