using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using static TripleGain.Core.Agents.Figures;

namespace TripleGain.Core.Agents;

/// <summary>
/// Brings the account's spot balances of USDT, XRP and BTC back to a <see cref="TargetAllocation"/> when any asset's
/// weight drifts from its target by more than the threshold (in percentage points).
/// </summary>
/// <remarks>
/// <para>Only spot balances count (margin positions are the trading agents' business). Each asset's value is its balance
/// times its USDT value (<see cref="PriceBook.UsdValue"/>). When a rebalance is due, every asset goes back to its target:
/// value moves from the assets above target to those below, each transfer through the direct pair of the two assets
/// (USDT-BTC via BTC/USDT, USDT-XRP via XRP/USDT, XRP-BTC via XRP/BTC). With three assets that is at most two market
/// orders, one per pair, in <see cref="Pair.All"/> order.</para>
/// <para>A transfer that buys the pair's base spends the transfer amount including the taker fee (volume = amount /
/// (1 + taker fee) / base value), so the paying asset never runs short; a transfer that sells the base sells the amount's
/// worth of it. Volumes are floored to the pair's lot decimals. A transfer below the pair's minimum volume or cost is
/// skipped as dust, with a note. ClientOrderIds are "c{cycle}-rebalance-{pair}-{buy|sell}".</para>
/// </remarks>
public sealed class RebalancingAgent : IAgent<RebalanceInput, RebalancePlan>
{
    private static readonly Asset[] Assets = [Asset.USDT, Asset.XRP, Asset.BTC];

    public string Name => "rebalancing";

    public RebalancePlan Run(RebalanceInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(input.Portfolio, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Prices, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Catalog, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Target, nameof(input));
        ClientOrderIds.RequireCycleId(input.CycleId, nameof(input));
        if (input.DriftThresholdPct <= 0 || input.DriftThresholdPct >= 100)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.DriftThresholdPct,
                Invariant($"The drift threshold must be in (0, 100) percentage points, got {input.DriftThresholdPct}."));
        }

        var portfolio = input.Portfolio;
        var values = new Dictionary<Asset, decimal>();
        foreach (var asset in Assets)
        {
            var balance = portfolio.Balance(asset);
            if (balance < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(input), balance,
                    Invariant($"The {asset} balance of account {portfolio.AccountId} is negative: {balance}; a spot rebalance needs balances of at least 0."));
            }

            values[asset] = balance == 0 ? 0m : balance * input.Prices.UsdValue(asset);
        }

        var total = values.Values.Sum();
        if (total <= 0)
        {
            return new RebalancePlan(input.CycleId, [], [], [], "nothing to rebalance: the balances are worth 0.00 USDT");
        }

        var drifts = Assets
            .Select(asset =>
            {
                var weight = values[asset] / total;
                var target = input.Target.Weight(asset);
                return new AssetDrift(asset, portfolio.Balance(asset), values[asset], weight, target, (weight - target) * 100m);
            })
            .ToList();
        var driftText = string.Join(", ", drifts.Select(d => Invariant($"{d.Asset} {Signed(d.DriftPct)} pp")));
        var beyond = drifts.Where(d => Math.Abs(d.DriftPct) > input.DriftThresholdPct).ToList();
        if (beyond.Count == 0)
        {
            return new RebalancePlan(input.CycleId, [], drifts, [],
                Invariant($"no asset drifts beyond {Pct(input.DriftThresholdPct)} pp ({driftText})"));
        }

        // Positive delta: the asset is below target and must be bought; negative: above target, to be sold.
        var deltas = drifts.ToDictionary(d => d.Asset, d => d.TargetWeight * total - d.ValueUsd);
        var surplus = Assets.Where(a => deltas[a] < 0).Select(a => (Asset: a, Left: -deltas[a])).ToList();
        var deficit = Assets.Where(a => deltas[a] > 0).Select(a => (Asset: a, Left: deltas[a])).ToList();
        var orders = new List<(int Index, OrderRequest Order)>();
        var notes = new List<string>();
        int s = 0, d = 0;
        while (s < surplus.Count && d < deficit.Count)
        {
            var amount = Math.Min(surplus[s].Left, deficit[d].Left);
            var transfer = Transfer(input, surplus[s].Asset, deficit[d].Asset, amount);
            if (transfer.Order is { } order)
            {
                orders.Add((Pair.All.ToList().IndexOf(order.Pair), order));
            }
            else
            {
                notes.Add(transfer.Note);
            }

            surplus[s] = (surplus[s].Asset, surplus[s].Left - amount);
            deficit[d] = (deficit[d].Asset, deficit[d].Left - amount);
            if (surplus[s].Left <= 0)
            {
                s++;
            }

            if (deficit[d].Left <= 0)
            {
                d++;
            }
        }

        var trigger = string.Join(", ", beyond.Select(b => Invariant($"{b.Asset} {Signed(b.DriftPct)} pp")));
        var planned = orders.OrderBy(o => o.Index).Select(o => o.Order).ToList();
        var reason = planned.Count == 0
            ? Invariant($"{trigger} beyond the {Pct(input.DriftThresholdPct)} pp threshold, but every transfer is below the minimum order size")
            : Invariant($"{trigger} beyond the {Pct(input.DriftThresholdPct)} pp threshold: {planned.Count} order(s) back to the target ({driftText})");
        return new RebalancePlan(input.CycleId, planned, drifts, notes, reason);
    }

    private static (OrderRequest? Order, string Note) Transfer(RebalanceInput input, Asset from, Asset to, decimal amountUsd)
    {
        var pair = Pair.All.First(p => (p.Base == from && p.Quote == to) || (p.Base == to && p.Quote == from));
        var info = input.Catalog[pair];
        var price = input.Prices.Price(pair);
        var buysBase = pair.Base == to;
        var side = buysBase ? OrderSide.Buy : OrderSide.Sell;
        var volume = buysBase
            ? info.FloorVolume(amountUsd / (1m + info.TakerFee) / input.Prices.UsdValue(to))
            : info.FloorVolume(Math.Min(amountUsd / input.Prices.UsdValue(from), input.Portfolio.Balance(from)));
        var what = Invariant($"{side.ToString().ToUpperInvariant()} {Amount(volume)} {pair.Base} on {pair} ({Usd(amountUsd)} USDT from {from} to {to})");
        if (volume < info.MinOrderVolume)
        {
            return (null, Invariant($"skipped {what}: below the minimum order {Amount(info.MinOrderVolume)} {pair.Base}"));
        }

        var cost = volume * price;
        if (cost < info.MinCost)
        {
            return (null, Invariant($"skipped {what}: cost {Amount(cost)} {pair.Quote} is below the minimum cost {Amount(info.MinCost)} {pair.Quote}"));
        }

        var id = ClientOrderIds.For(input.CycleId, "rebalance", pair, side == OrderSide.Buy ? "buy" : "sell");
        return (new OrderRequest(id, pair, side, OrderType.Market, volume, Reason: $"rebalance: {what}"), string.Empty);
    }

    private static string Signed(decimal pp) => (pp > 0 ? "+" : string.Empty) + Pct(decimal.Round(pp, 2, MidpointRounding.AwayFromZero));
}
