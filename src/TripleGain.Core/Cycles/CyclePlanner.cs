using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Cycles;

/// <summary>
/// The one code path from models' decisions to orders, shared by the backtest and the cycle grain (paper and live).
/// Pure: the same input gives the same plan.
/// </summary>
/// <remarks>
/// <para><see cref="Plan"/>: decisions for a pair the catalog does not know, or without a price (an XRP/BTC decision also
/// needs BTC/USDT to be valued in USDT), are dropped under <see cref="NoPriceRule"/> (HOLDs for such pairs are ignored);
/// the rest go through <see cref="RiskAgent.RunCycle"/> in their order (so max_trades_per_day and max_leverage hold
/// for the cycle as a whole), then <see cref="Coordinator.Run"/> merges the verdicts into orders. Stop-loss and
/// take-profit ride on the entry orders (<see cref="Exchange.OrderRequest.StopLoss"/>/<see cref="Exchange.OrderRequest.TakeProfit"/>);
/// the exchange turns them into linked reduce-only orders when the entry fills. A CLOSE whose position volume has more
/// decimals than the pair's lot is rounded up to the lot (reduce-only: the exchange cuts it to the position).</para>
/// <para><see cref="Context"/>: what a model sees in a cycle, built from the <see cref="MarketTracker"/> through the
/// <see cref="TechnicalAgent"/>; it refuses a tracker holding a candle that has not closed by the cycle time.</para>
/// </remarks>
public static class CyclePlanner
{
    /// <summary>The rule of a decision dropped because its pair has no price (or no metadata) in the cycle.</summary>
    public const string NoPriceRule = "no_price";

    private static readonly RiskAgent Risk = new();
    private static readonly Coordinator Coordinator = new();
    private static readonly TechnicalAgent Technical = new();

    /// <summary>Risk-checks and coordinates one cycle's decisions into planned orders (see the remarks).</summary>
    public static CyclePlan Plan(CyclePlanInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Portfolio, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Decisions, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Constraints, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Prices, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Catalog, nameof(input));

        List<DroppedDecision>? unpriced = null;
        var assessable = new List<TradeDecision>(input.Decisions.Count);
        var acts = false;
        for (var i = 0; i < input.Decisions.Count; i++)
        {
            var decision = input.Decisions[i]
                ?? throw new ArgumentException($"CyclePlanInput.Decisions[{i}] is null.", nameof(input));
            acts |= decision.Action != TradeAction.Hold;
            if (IsPriced(decision.Pair, input.Prices, input.Catalog))
            {
                assessable.Add(decision);
            }
            else if (decision.Action != TradeAction.Hold)
            {
                (unpriced ??= []).Add(new DroppedDecision(decision, NoPriceRule,
                    $"{decision.Pair} has no price{(decision.Pair.Quote == Asset.USDT ? string.Empty : $" (or no {decision.Pair.Quote}/USDT price to value it)")} or no exchange metadata in cycle {input.CycleId}"));
            }
        }

        var verdicts = Risk.RunCycle(assessable, input.Portfolio, input.Constraints, input.Prices, input.Catalog, input.PendingEntries);
        if (!acts)
        {
            // Only HOLDs (the usual cycle): the coordinator would order and drop nothing.
            ClientOrderIds.RequireCycleId(input.CycleId, nameof(input));
            return new CyclePlan(input.CycleId, input.Timestamp, verdicts, new CoordinatorOutput(input.CycleId, input.Timestamp, [], []), []);
        }

        var coordination = LotSizedCloses(Coordinator.Run(new CoordinatorInput(
            input.CycleId, input.Timestamp, verdicts, input.Portfolio, input.Prices, input.Catalog, input.Mode, input.MinAgreement)), input.Catalog);
        IReadOnlyList<DroppedDecision> dropped = unpriced is null ? coordination.Dropped : [.. unpriced, .. coordination.Dropped];
        return new CyclePlan(input.CycleId, input.Timestamp, verdicts, coordination, dropped);
    }

    /// <summary>
    /// The <see cref="DecisionContext"/> of a cycle at <paramref name="timestamp"/>: the technical agent's snapshot of
    /// every tracked pair that has had a candle, the portfolio, the constraints and the recent decisions (none when null).
    /// Throws when the tracker holds a 1-minute candle that closes after <paramref name="timestamp"/> (look-ahead).
    /// </summary>
    public static DecisionContext Context(
        DateTime timestamp,
        MarketTracker tracker,
        PortfolioSnapshot portfolio,
        TradingConstraints constraints,
        IReadOnlyList<TradeDecision>? recentDecisions = null)
    {
        ArgumentNullException.ThrowIfNull(tracker);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(constraints);
        if (timestamp.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"The cycle time {timestamp:O} is local: cycle times are UTC.", nameof(timestamp));
        }

        foreach (var pair in tracker.Pairs)
        {
            if (tracker[pair].LastTimestamp is { } last && last.AddMinutes(1) > timestamp)
            {
                throw new ArgumentException(
                    $"The tracker holds a {pair} candle opened at {last:yyyy-MM-dd'T'HH:mm'Z'} that closes after the cycle time {timestamp:yyyy-MM-dd'T'HH:mm:ss'Z'}: a cycle sees only closed candles.",
                    nameof(tracker));
            }
        }

        var market = Technical.Run(tracker.ToInput(timestamp));
        return new DecisionContext(timestamp, market, portfolio, constraints, recentDecisions ?? []);
    }

    /// <summary>
    /// A CLOSE orders the position's whole volume, which can have more decimals than the pair's lot (a cash position cut to
    /// a base balance that fees and cross-pair trades left with more decimals); the exchange refuses such a volume. The
    /// close is rounded up to the lot: it is reduce-only, so the exchange cuts it to the position when it fills.
    /// </summary>
    private static CoordinatorOutput LotSizedCloses(CoordinatorOutput output, PairCatalog catalog)
    {
        List<PlannedOrder>? plans = null;
        for (var i = 0; i < output.Plans.Count; i++)
        {
            var plan = output.Plans[i];
            var entry = plan.Entry;
            if (plan.Intent == TradeIntent.Close && entry.ReduceOnly && catalog.Contains(entry.Pair))
            {
                var lot = catalog[entry.Pair].CeilVolume(entry.Volume);
                if (lot != entry.Volume)
                {
                    plans ??= [.. output.Plans];
                    plans[i] = plan with { Entry = entry with { Volume = lot } };
                }
            }
        }

        return plans is null ? output : output with { Plans = plans };
    }


    private static bool IsPriced(Pair pair, PriceBook prices, PairCatalog catalog) =>
        catalog.Contains(pair)
        && prices.TryGetPrice(pair, out _)
        && (pair.Quote == Asset.USDT || prices.TryGetPrice(new Pair(pair.Quote, Asset.USDT), out _));
}
