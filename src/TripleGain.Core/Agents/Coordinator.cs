using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Agents.Figures;

namespace TripleGain.Core.Agents;

/// <summary>
/// Merges the risk-gated decisions of one cycle into orders: picks what to execute (one model, or a majority across
/// models), resolves conflicts on the triangle, fits the orders into the free funds and margin together, and emits
/// <see cref="OrderRequest"/>s with deterministic idempotency keys. Every decision that yields no order is listed in
/// <see cref="CoordinatorOutput.Dropped"/> with its reason.
/// </summary>
/// <remarks>
/// <para><b>Selection.</b> Single model: every approved or resized verdict with a volume is a candidate, rejected ones
/// are dropped with the risk rule. Majority: per pair, each model's decision is one vote (HOLD included). The action with
/// the most votes wins if no other action has as many and its share reaches <see cref="CoordinatorInput.MinAgreement"/>;
/// otherwise the pair holds (a tie is a HOLD). The winner executes the smallest approved volume among the agreeing
/// verdicts (the most cautious sizing, with that verdict's stop-loss and take-profit) at the mean confidence of the
/// agreeing decisions, owned by "consensus"; outvoted decisions are dropped under "consensus".</para>
/// <para><b>Triangle conflicts.</b> A BUY adds the pair's base and gives up its quote, a SELL (and the CLOSE of a long)
/// the reverse; USDT, the valuation currency, is not counted. When two candidates push BTC or XRP in opposite
/// directions, the risk-reducing one (CLOSE, a reduce, a sale of holdings) wins over one that opens risk, otherwise the
/// higher confidence wins; at equal rank and confidence neither is kept. The loser is dropped "triangle_conflict".</para>
/// <para><b>Over-allocation.</b> Orders that open risk draw on a pool: a cash BUY on the quote asset's free balance
/// (volume x price x (1 + taker fee)), a margin order on the free margin (notional / leverage), a sale of holdings on
/// the base asset's balance. When a pool's orders together need more than it holds, each is scaled by the same factor
/// (available / needed, rounded down to 12 decimals), floored to the lot decimals; one that falls below the pair's
/// minimum is dropped "over_allocation". Reduces and closes draw on no pool.</para>
/// <para><b>Orders.</b> Entry: a market order, ClientOrderId "c{cycle}-{owner}-{pair}-{action}" (e.g.
/// "c42-baseline-XRP-USDT-buy"), the verdict's leverage, ReduceOnly for a reduce or close of a position. Orders that
/// open risk carry their stop-loss and take-profit on the entry (OrderRequest.StopLoss/TakeProfit), which the exchange
/// places as linked reduce-only orders once the entry fills (see
/// <see cref="PlannedOrder"/>). The same input always gives the same output.</para>
/// </remarks>
public sealed class Coordinator : IAgent<CoordinatorInput, CoordinatorOutput>
{
    /// <summary>The owner of orders merged from several models.</summary>
    public const string ConsensusOwner = "consensus";

    public string Name => "coordinator";

    public CoordinatorOutput Run(CoordinatorInput input)
    {
        Validate(input);
        var dropped = new List<DroppedDecision>();
        var selected = input.Mode == ConsensusMode.SingleModel ? SelectSingle(input, dropped) : SelectMajority(input, dropped);
        var candidates = new List<Candidate>();
        foreach (var candidate in selected)
        {
            var decision = candidate.Verdict.Decision;
            var intent = RiskAgent.IntentOf(decision, input.Portfolio, input.Catalog[decision.Pair]);
            var position = input.Portfolio.PositionIn(decision.Pair);
            if (intent == TradeIntent.Close && position is null)
            {
                Drop(dropped, candidate, RiskRules.NoPosition, $"CLOSE on {decision.Pair} but there is no open position in it");
                continue;
            }

            var side = intent == TradeIntent.Close
                ? (position!.Side == PositionSide.Long ? OrderSide.Sell : OrderSide.Buy)
                : (decision.Action == TradeAction.Buy ? OrderSide.Buy : OrderSide.Sell);
            candidates.Add(candidate with { Intent = intent, Side = side, Volume = candidate.Verdict.Volume });
        }

        var kept = ResolveConflicts(candidates, dropped);
        var fitted = FitFunds(input, kept, dropped);
        var plans = fitted
            .OrderBy(c => c.Reduces ? 0 : 1)
            .ThenBy(c => c.PairIndex)
            .Select(c => Plan(input, c))
            .ToList();
        return new CoordinatorOutput(input.CycleId, input.Timestamp, plans, dropped);
    }

    private static List<Candidate> SelectSingle(CoordinatorInput input, List<DroppedDecision> dropped)
    {
        var models = input.Verdicts.Select(v => v.Decision.ModelId).Distinct(StringComparer.Ordinal).ToList();
        if (models.Count > 1)
        {
            throw new ArgumentException(
                $"SingleModel mode takes one model's decisions, got {models.Count} models: {string.Join(", ", models)}. Use ConsensusMode.Majority to merge models.",
                nameof(input));
        }

        var repeated = input.Verdicts.GroupBy(v => v.Decision.Pair).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new ArgumentException(
                $"SingleModel mode takes one decision per pair, got {repeated.Count()} for {repeated.Key}.", nameof(input));
        }

        var candidates = new List<Candidate>();
        foreach (var verdict in input.Verdicts)
        {
            var decision = verdict.Decision;
            if (decision.Action == TradeAction.Hold)
            {
                continue;
            }

            if (!verdict.IsApproved || verdict.Volume <= 0)
            {
                dropped.Add(new DroppedDecision(decision, verdict.Rule ?? RiskRules.InvalidDecision,
                    verdict.IsApproved ? "approved with volume 0: nothing to order" : verdict.Reason));
                continue;
            }

            candidates.Add(new Candidate(decision.ModelId, [decision], verdict, decision.Confidence));
        }

        return candidates;
    }

    private static List<Candidate> SelectMajority(CoordinatorInput input, List<DroppedDecision> dropped)
    {
        var candidates = new List<Candidate>();
        foreach (var group in input.Verdicts.GroupBy(v => v.Decision.Pair).OrderBy(g => PairIndexOf(g.Key)))
        {
            var pair = group.Key;
            var verdicts = group.ToList();
            var repeated = verdicts.GroupBy(v => v.Decision.ModelId, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (repeated is not null)
            {
                throw new ArgumentException(
                    $"Model {repeated.Key} has {repeated.Count()} decisions for {pair} in one cycle; each model votes once per pair.", nameof(input));
            }

            var votes = verdicts.GroupBy(v => v.Decision.Action)
                .Select(g => (Action: g.Key, Count: g.Count()))
                .OrderByDescending(v => v.Count)
                .ThenBy(v => v.Action)
                .ToList();
            var tally = string.Join(", ", votes.Select(v => Invariant($"{Upper(v.Action)} {v.Count}")));
            var top = votes[0];
            var total = verdicts.Count;
            string? noConsensus = null;
            if (votes.Count > 1 && votes[1].Count == top.Count)
            {
                noConsensus = $"no consensus on {pair}: a tie ({tally}) holds";
            }
            else if ((double)top.Count / total < input.MinAgreement)
            {
                noConsensus = Invariant(
                    $"no consensus on {pair}: {Upper(top.Action)} has {top.Count} of {total} votes, below the minimum agreement {Confidence(input.MinAgreement)} ({tally})");
            }
            else if (top.Action == TradeAction.Hold)
            {
                noConsensus = Invariant($"HOLD won on {pair} with {top.Count} of {total} votes ({tally})");
            }

            if (noConsensus is not null)
            {
                foreach (var verdict in verdicts.Where(v => v.Decision.Action != TradeAction.Hold))
                {
                    dropped.Add(new DroppedDecision(verdict.Decision, CoordinatorRules.Consensus, noConsensus));
                }

                continue;
            }

            var agreeing = verdicts.Where(v => v.Decision.Action == top.Action).ToList();
            foreach (var loser in verdicts.Where(v => v.Decision.Action != top.Action && v.Decision.Action != TradeAction.Hold))
            {
                dropped.Add(new DroppedDecision(loser.Decision, CoordinatorRules.Consensus, Invariant(
                    $"{loser.Decision.ModelId} {Upper(loser.Decision.Action)} outvoted on {pair}: {Upper(top.Action)} has {top.Count} of {total} votes ({tally})")));
            }

            var approved = agreeing.Where(v => v.IsApproved && v.Volume > 0).ToList();
            if (approved.Count == 0)
            {
                foreach (var verdict in agreeing)
                {
                    dropped.Add(new DroppedDecision(verdict.Decision, verdict.Rule ?? RiskRules.InvalidDecision, Invariant(
                        $"consensus {Upper(top.Action)} on {pair} ({top.Count} of {total}) but risk approved none of it: {verdict.Reason}")));
                }

                continue;
            }

            var chosen = approved
                .OrderBy(v => v.Volume)
                .ThenBy(v => v.Decision.ModelId, StringComparer.Ordinal)
                .First();
            var confidence = agreeing.Average(v => v.Decision.Confidence);
            candidates.Add(new Candidate(
                ConsensusOwner,
                agreeing.Select(v => v.Decision).OrderBy(d => d.ModelId, StringComparer.Ordinal).ToList(),
                chosen,
                confidence));
        }

        return candidates;
    }

    private static List<Candidate> ResolveConflicts(List<Candidate> candidates, List<DroppedDecision> dropped)
    {
        var kept = new List<Candidate>();
        var ordered = candidates
            .OrderBy(c => c.Reduces ? 0 : 1)
            .ThenByDescending(c => c.Confidence)
            .ThenBy(c => c.PairIndex);
        foreach (var candidate in ordered)
        {
            var conflicts = kept
                .Select(k => (Kept: k, Asset: ConflictAsset(candidate, k)))
                .Where(x => x.Asset is not null)
                .ToList();
            if (conflicts.Count == 0)
            {
                kept.Add(candidate);
                continue;
            }

            // Kept candidates rank at least as high as this one; only when every conflict is an equal is it a tie.
            var higher = conflicts.Where(x => x.Kept.Reduces != candidate.Reduces || !x.Kept.Confidence.Equals(candidate.Confidence)).ToList();
            if (higher.Count == 0)
            {
                foreach (var (tied, tiedAsset) in conflicts)
                {
                    kept.Remove(tied);
                    Drop(dropped, tied, CoordinatorRules.TriangleConflict, Invariant(
                        $"{Describe(tied)} {Verb(tied, tiedAsset!.Value)} {tiedAsset} while {Describe(candidate)} {Verb(candidate, tiedAsset.Value)} it: equal rank and confidence, neither kept"));
                }

                var (other, shared) = conflicts[0];
                Drop(dropped, candidate, CoordinatorRules.TriangleConflict, Invariant(
                    $"{Describe(candidate)} {Verb(candidate, shared!.Value)} {shared} while {Describe(other)} {Verb(other, shared.Value)} it: equal rank and confidence, neither kept"));
                continue;
            }

            var (winner, asset) = higher[0];
            var why = winner.Reduces && !candidate.Reduces ? "risk-reducing" : "higher-confidence";
            Drop(dropped, candidate, CoordinatorRules.TriangleConflict, Invariant(
                $"{Describe(candidate)} {Verb(candidate, asset!.Value)} {asset} while {Describe(winner)} {Verb(winner, asset.Value)} it: kept the {why} order"));
        }

        return kept;
    }

    private static List<Candidate> FitFunds(CoordinatorInput input, List<Candidate> kept, List<DroppedDecision> dropped)
    {
        var claims = kept
            .Select(c => (Candidate: c, Claim: Claim(input, c)))
            .ToList();
        var fitted = new List<Candidate>();
        foreach (var candidate in kept)
        {
            var claim = claims.First(x => ReferenceEquals(x.Candidate, candidate)).Claim;
            if (claim is null)
            {
                fitted.Add(candidate);
                continue;
            }

            var pool = claims.Where(x => x.Claim?.Pool == claim.Value.Pool).ToList();
            var needed = pool.Sum(x => x.Claim!.Value.Need);
            var available = claim.Value.Available;
            if (needed <= available)
            {
                fitted.Add(candidate);
                continue;
            }

            var factor = available <= 0 ? 0m : decimal.Round(available / needed, 12, MidpointRounding.ToZero);
            var info = input.Catalog[candidate.Pair];
            var volume = info.FloorVolume(candidate.Volume * factor);
            var why = Invariant(
                $"scaled by {Amount(decimal.Round(factor, 6, MidpointRounding.ToZero))} with the other orders on {claim.Value.Pool}: together they need {Amount(decimal.Round(needed, 8))} {claim.Value.Unit}, {Amount(available)} is free");
            var price = input.Prices.Price(candidate.Pair);
            if (volume < info.MinOrderVolume || volume * price < info.MinCost)
            {
                Drop(dropped, candidate, CoordinatorRules.OverAllocation, Invariant(
                    $"{why}; {Amount(volume)} {candidate.Pair.Base} is below the minimum order {Amount(info.MinOrderVolume)} {candidate.Pair.Base} or cost {Amount(info.MinCost)} {candidate.Pair.Quote}"));
                continue;
            }

            fitted.Add(candidate with { Volume = volume, Adjustment = Invariant($"{why}: {Amount(candidate.Volume)} -> {Amount(volume)} {candidate.Pair.Base}") });
        }

        return fitted;
    }

    /// <summary>What an order draws on: a pool key (an asset or "margin"), the amount it needs and what the pool holds.</summary>
    private static (string Pool, decimal Need, decimal Available, string Unit)? Claim(CoordinatorInput input, Candidate candidate)
    {
        var portfolio = input.Portfolio;
        var pair = candidate.Pair;
        switch (candidate.Intent)
        {
            case TradeIntent.Open when candidate.Verdict.Leverage > 1m:
                var notional = candidate.Volume * input.Prices.Price(pair) * input.Prices.QuoteUsd(pair);
                return ("margin", notional / candidate.Verdict.Leverage, Math.Max(0m, portfolio.FreeMarginUsd), "USDT of margin");
            case TradeIntent.Open when candidate.Side == OrderSide.Buy:
                var cost = candidate.Volume * input.Prices.Price(pair) * (1m + input.Catalog[pair].TakerFee);
                return (pair.Quote.ToString(), cost, portfolio.Balance(pair.Quote), pair.Quote.ToString());
            case TradeIntent.SellHoldings:
                return (pair.Base.ToString(), candidate.Volume, portfolio.Balance(pair.Base), pair.Base.ToString());
            default:
                return null;
        }
    }

    private static PlannedOrder Plan(CoordinatorInput input, Candidate candidate)
    {
        var decision = candidate.Verdict.Decision;
        var pair = candidate.Pair;
        var verdict = candidate.Verdict;
        var id = ClientOrderIds.For(input.CycleId, candidate.Owner, pair, decision.Action.ToString().ToLowerInvariant());
        var reason = Invariant($"{candidate.Owner} {Upper(decision.Action)} {pair} (confidence {Confidence(candidate.Confidence)})");
        var opens = candidate.Intent == TradeIntent.Open;
        var entry = new OrderRequest(
            id,
            pair,
            candidate.Side,
            OrderType.Market,
            candidate.Volume,
            Leverage: verdict.Leverage,
            ReduceOnly: candidate.Intent is TradeIntent.Reduce or TradeIntent.Close,
            Reason: reason,
            StopLoss: opens ? verdict.StopLoss : null,
            TakeProfit: opens ? verdict.TakeProfit : null);

        return new PlannedOrder(
            candidate.Owner,
            candidate.Decisions.Select(d => d.ModelId).ToList(),
            verdict,
            candidate.Intent,
            candidate.Confidence,
            entry,
            candidate.Adjustment);
    }

    /// <summary>The first asset (BTC or XRP) the two candidates push in opposite directions, if any.</summary>
    private static Asset? ConflictAsset(Candidate a, Candidate b)
    {
        foreach (var asset in new[] { Asset.BTC, Asset.XRP })
        {
            var pushA = Push(a, asset);
            var pushB = Push(b, asset);
            if (pushA != 0 && pushA == -pushB)
            {
                return asset;
            }
        }

        return null;
    }

    /// <summary>+1 when the order adds <paramref name="asset"/>, -1 when it gives it up, 0 when it does not touch it.</summary>
    private static int Push(Candidate candidate, Asset asset)
    {
        var sign = candidate.Side == OrderSide.Buy ? 1 : -1;
        return asset == candidate.Pair.Base ? sign : asset == candidate.Pair.Quote ? -sign : 0;
    }

    private static string Verb(Candidate candidate, Asset asset) => Push(candidate, asset) > 0 ? "buys" : "sells";

    private static string Describe(Candidate candidate) =>
        Invariant($"{Upper(candidate.Verdict.Decision.Action)} {candidate.Pair} (confidence {Confidence(candidate.Confidence)})");

    private static void Drop(List<DroppedDecision> dropped, Candidate candidate, string rule, string reason)
    {
        foreach (var decision in candidate.Decisions)
        {
            dropped.Add(new DroppedDecision(decision, rule, reason));
        }
    }

    private static string Upper(TradeAction action) => action.ToString().ToUpperInvariant();

    private static int PairIndexOf(Pair pair)
    {
        var index = 0;
        foreach (var known in Pair.All)
        {
            if (known == pair)
            {
                return index;
            }

            index++;
        }

        return index;
    }

    private static void Validate(CoordinatorInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        ClientOrderIds.RequireCycleId(input.CycleId, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Verdicts, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Portfolio, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Prices, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Catalog, nameof(input));
        if (input.Verdicts.Any(v => v?.Decision is null))
        {
            throw new ArgumentException("The cycle's verdicts must not contain null entries or verdicts without a decision.", nameof(input));
        }

        if (!Enum.IsDefined(input.Mode))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Mode, "Unknown consensus mode.");
        }

        if (double.IsNaN(input.MinAgreement) || input.MinAgreement <= 0 || input.MinAgreement > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.MinAgreement,
                Invariant($"The minimum agreement is a share of the votes in (0, 1], got {input.MinAgreement}."));
        }
    }

    private sealed record Candidate(string Owner, IReadOnlyList<TradeDecision> Decisions, RiskVerdict Verdict, double Confidence)
    {
        public TradeIntent Intent { get; init; }

        public OrderSide Side { get; init; }

        public decimal Volume { get; init; }

        public string? Adjustment { get; init; }

        public Pair Pair => Verdict.Decision.Pair;

        public int PairIndex => PairIndexOf(Pair);

        public bool Reduces => Intent is TradeIntent.Reduce or TradeIntent.SellHoldings or TradeIntent.Close;
    }
}
