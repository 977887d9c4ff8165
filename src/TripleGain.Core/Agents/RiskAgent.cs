using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;
using static TripleGain.Core.Agents.Figures;

namespace TripleGain.Core.Agents;

/// <summary>
/// Approves, resizes or rejects one <see cref="TradeDecision"/> against the <see cref="TradingConstraints"/>.
/// Every rejection and every resize names the rule (<see cref="RiskRules"/>) and gives the numbers.
/// </summary>
/// <remarks>
/// <para>What a decision means depends on the account (<see cref="IntentOf"/>):</para>
/// <list type="bullet">
/// <item>HOLD: approved with size 0, no order.</item>
/// <item>CLOSE of an open position: always approved for the whole position, whatever the stage, the confidence, the
/// drawdown halt or the day's trade count (closing only reduces risk). CLOSE without a position: "no_position". A
/// position the exchange cannot close because even its volume rounded up to the lot is below the pair's minimum order
/// or minimum cost (dust left by fees or a partial reduce) is rejected "minimum_order_size" instead of sending an order
/// the exchange refuses every cycle.</item>
/// <item>Reduce (SELL against a long position, BUY against a short one) and the sale of spot holdings (SELL without a
/// position while holding the base asset): checked against confidence_threshold and max_trades_per_day only, sized to
/// at most the position (rule "position_volume") or the holding ("available_funds") and max_single_order_usd. A reduce
/// never flips the position; no stop-loss or take-profit is attached.</item>
/// <item>Open (BUY without a short position, SELL without a long position or holding, i.e. a short): the rules in this
/// order: pair_not_allowed, confidence_threshold, max_drawdown_pct, max_trades_per_day, no_equity, short_not_allowed,
/// stop_loss_side, take_profit_side, then sizing and minimum_order_size.</item>
/// <item>In a cycle (<see cref="RunCycle"/>), an open or a sale of holdings in a pair whose entry from an earlier cycle
/// is still waiting for its fill: "entry_pending", before any other rule.</item>
/// </list>
/// <para>Sizing of an opening order, in USDT: requested = SizePct% of equity, capped in this order by
/// risk_per_trade_pct (equity x risk% / stop distance, the distance being |price - stop| / price; a decision without a
/// stop gets DefaultStopPct, rounded away from the price to the tick, and that stop is set on the verdict),
/// max_position_pct (of equity, less the existing position in the same direction marked at the current price, or for a
/// BUY without a position the spot holding of the base asset), max_single_order_usd, max_leverage (max_leverage x equity
/// less the gross notional of all positions and of what this cycle already approved), and available_funds. The first
/// cap that binds is the verdict's rule (outcome Resized); a cap of 0 rejects under that rule.</para>
/// <para>Funds and leverage: a BUY is a cash trade (leverage 1) when the sized amount fits the free quote balance valued
/// in USDT, less the taker fee; otherwise, when margin is allowed (min(max_leverage, the pair's max leverage) above 1) it
/// is a margin trade at that leverage, limited by free margin x leverage. A short always uses margin at that leverage;
/// with max_leverage 1 it is rejected "short_not_allowed".</para>
/// <para>Volume = amount / (price x QuoteUsd), floored to the pair's lot decimals; below the pair's minimum volume or
/// minimum cost the decision is rejected "minimum_order_size". Flooring alone does not make a verdict Resized. A rejected
/// verdict has size, notional and volume 0 and leverage 1.</para>
/// </remarks>
public sealed class RiskAgent : IAgent<RiskInput, RiskVerdict>
{
    public string Name => "risk";

    public RiskVerdict Run(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var decision = input.Decision;
        switch (decision.Action)
        {
            case TradeAction.Hold:
                return new RiskVerdict(decision, RiskOutcome.Approved, 0m, 0m, 0m, 1m, null, null, null, "HOLD: no order.");
            case TradeAction.Close:
                return AssessClose(input);
        }

        if (DecisionProblem(decision) is { } problem)
        {
            return Reject(decision, RiskRules.InvalidDecision, problem);
        }

        var intent = IntentOf(decision, input.Portfolio, input.PairInfo);
        return intent == TradeIntent.Open ? AssessOpen(input) : AssessReduce(input, intent);
    }

    /// <summary>
    /// Runs the agent over one cycle's decisions in order, carrying each model's approvals forward as
    /// <see cref="RiskCycleFacts"/> so that the cycle as a whole respects max_trades_per_day and max_leverage.
    /// A decision that would send another entry (open or increase a position, or sell holdings) in a pair of
    /// <paramref name="pendingEntries"/>, whose entry from an earlier cycle is still waiting for its fill, is rejected
    /// "entry_pending" and uses none of the cycle's trades; reduces and closes of that pair are assessed as usual.
    /// </summary>
    public IReadOnlyList<RiskVerdict> RunCycle(
        IEnumerable<TradeDecision> decisions,
        PortfolioSnapshot portfolio,
        TradingConstraints constraints,
        PriceBook prices,
        PairCatalog catalog,
        IReadOnlySet<Pair>? pendingEntries = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(catalog);
        var facts = new Dictionary<string, RiskCycleFacts>(StringComparer.Ordinal);
        var verdicts = new List<RiskVerdict>();
        foreach (var decision in decisions)
        {
            ArgumentNullException.ThrowIfNull(decision, nameof(decisions));
            var known = facts.GetValueOrDefault(decision.ModelId, RiskCycleFacts.None);
            var verdict = EntryPending(decision, portfolio, catalog, pendingEntries)
                ?? Run(RiskInput.From(decision, portfolio, constraints, prices, catalog, known));
            verdicts.Add(verdict);
            if (verdict.IsApproved && verdict.Volume > 0)
            {
                var opens = IntentOf(decision, portfolio, catalog[decision.Pair]) == TradeIntent.Open;
                facts[decision.ModelId] = new RiskCycleFacts(
                    known.ApprovedTrades + 1,
                    known.ApprovedNotionalUsd + (opens ? verdict.NotionalUsd : 0m));
            }
        }

        return verdicts;
    }

    private static RiskVerdict? EntryPending(TradeDecision decision, PortfolioSnapshot portfolio, PairCatalog catalog, IReadOnlySet<Pair>? pendingEntries) =>
        pendingEntries is { Count: > 0 }
        && pendingEntries.Contains(decision.Pair)
        && catalog.Contains(decision.Pair)
        && IntentOf(decision, portfolio, catalog[decision.Pair]) is TradeIntent.Open or TradeIntent.SellHoldings
            ? Reject(decision, RiskRules.EntryPending, Invariant($"an entry order in {decision.Pair} sent earlier is still waiting for its fill: another {decision.Action.ToString().ToUpperInvariant()} would double what is already on its way"))
            : null;

    /// <summary>
    /// What <paramref name="decision"/> does to the account: SELL against a long position or BUY against a short one
    /// reduces it; SELL without a position while holding at least the pair's minimum volume of the base asset sells the
    /// holding; any other BUY or SELL opens or increases a position (a SELL then opens a short).
    /// </summary>
    public static TradeIntent IntentOf(TradeDecision decision, PortfolioSnapshot portfolio, PairInfo pairInfo)
    {
        ArgumentNullException.ThrowIfNull(decision);
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(pairInfo);
        var position = portfolio.PositionIn(decision.Pair);
        return decision.Action switch
        {
            TradeAction.Hold => TradeIntent.Hold,
            TradeAction.Close => TradeIntent.Close,
            TradeAction.Buy => position?.Side == PositionSide.Short ? TradeIntent.Reduce : TradeIntent.Open,
            TradeAction.Sell when position is not null =>
                position.Side == PositionSide.Long ? TradeIntent.Reduce : TradeIntent.Open,
            TradeAction.Sell => portfolio.Balance(decision.Pair.Base) >= pairInfo.MinOrderVolume
                ? TradeIntent.SellHoldings
                : TradeIntent.Open,
            _ => throw new ArgumentOutOfRangeException(nameof(decision), decision.Action, "Unknown trade action."),
        };
    }

    private static RiskVerdict AssessClose(RiskInput input)
    {
        var decision = input.Decision;
        var position = input.Portfolio.PositionIn(decision.Pair);
        if (position is null)
        {
            return Reject(decision, RiskRules.NoPosition, $"CLOSE on {decision.Pair} but there is no open position in it");
        }

        // The planner rounds a close up to the lot (it is reduce-only): that is the volume the exchange judges.
        var info = input.PairInfo;
        var closing = info.CeilVolume(position.Volume);
        if (closing < info.MinOrderVolume || closing * input.Price < info.MinCost)
        {
            return Reject(decision, RiskRules.MinimumOrderSize, Invariant(
                $"CLOSE on {decision.Pair}: the {position.Side.ToString().ToLowerInvariant()} position of {Amount(position.Volume)} {decision.Pair.Base} is below the minimum order ({Amount(info.MinOrderVolume)} {decision.Pair.Base}, cost {Amount(info.MinCost)} {decision.Pair.Quote}): dust the exchange cannot close, left in the balance"));
        }

        var notional = position.Volume * input.Price * input.QuoteUsd;
        return new RiskVerdict(
            decision,
            RiskOutcome.Approved,
            SizePctOf(notional, input.Portfolio.EquityUsd),
            notional,
            position.Volume,
            position.Leverage,
            null,
            null,
            null,
            Invariant($"CLOSE the {position.Side.ToString().ToLowerInvariant()} position of {Amount(position.Volume)} {decision.Pair.Base} ({Usd(notional)} USDT); closing is allowed under every limit"));
    }


    private static RiskVerdict AssessReduce(RiskInput input, TradeIntent intent)
    {
        var decision = input.Decision;
        var portfolio = input.Portfolio;
        var pair = decision.Pair;
        if ((CheckConfidence(input) ?? CheckTradesPerDay(input)) is { } rejected)
        {
            return rejected;
        }

        var position = intent == TradeIntent.Reduce ? portfolio.PositionIn(pair) : null;
        var unitUsd = input.Price * input.QuoteUsd;
        var requestedUsd = Math.Max(0m, portfolio.EquityUsd) * decision.SizePct / 100m;
        var requested = requestedUsd / unitUsd;
        var action = decision.Action.ToString().ToUpperInvariant();
        var caps = new List<Cap>();
        if (position is not null)
        {
            caps.Add(new Cap(
                RiskRules.PositionVolume,
                position.Volume,
                Invariant($"{action} of {Amount(decimal.Round(requested, 8))} {pair.Base} ({Usd(requestedUsd)} USDT) exceeds the {position.Side.ToString().ToLowerInvariant()} position of {Amount(position.Volume)} {pair.Base}: a reduce never flips the position")));
        }
        else
        {
            var held = portfolio.Balance(pair.Base);
            caps.Add(new Cap(
                RiskRules.AvailableFunds,
                held,
                Invariant($"{action} of {Amount(decimal.Round(requested, 8))} {pair.Base} ({Usd(requestedUsd)} USDT) exceeds the held {Amount(held)} {pair.Base}")));
        }

        caps.Add(new Cap(
            RiskRules.MaxSingleOrderUsd,
            input.Constraints.MaxSingleOrderUsd / unitUsd,
            Invariant($"requested {Usd(requestedUsd)} USDT exceeds the single-order cap {Usd(input.Constraints.MaxSingleOrderUsd)} USDT")));

        var (amount, binding) = Bind(requested, caps);
        var volume = input.PairInfo.FloorVolume(amount);
        if (CheckMinimum(input, volume, binding) is { } tooSmall)
        {
            return tooSmall;
        }

        var notional = volume * unitUsd;
        var what = position is not null
            ? Invariant($"{action} {Amount(volume)} {pair.Base} ({Usd(notional)} USDT) reduces the {position.Side.ToString().ToLowerInvariant()} position of {Amount(position.Volume)} {pair.Base}")
            : Invariant($"{action} {Amount(volume)} {pair.Base} ({Usd(notional)} USDT) of the held {Amount(portfolio.Balance(pair.Base))} {pair.Base}");
        return new RiskVerdict(
            decision,
            binding is null ? RiskOutcome.Approved : RiskOutcome.Resized,
            SizePctOf(notional, portfolio.EquityUsd),
            notional,
            volume,
            position?.Leverage ?? 1m,
            null,
            null,
            binding?.Rule,
            binding is null ? what : $"{binding.Value.Message}; {what}");
    }

    private static RiskVerdict AssessOpen(RiskInput input)
    {
        var decision = input.Decision;
        var portfolio = input.Portfolio;
        var constraints = input.Constraints;
        var info = input.PairInfo;
        var pair = decision.Pair;
        var price = input.Price;
        var isLong = decision.Action == TradeAction.Buy;
        var action = isLong ? "BUY" : "SELL";

        if (!constraints.AllowedPairs.Contains(pair))
        {
            var allowed = constraints.AllowedPairs.Count == 0 ? "none" : string.Join(", ", constraints.AllowedPairs);
            return Reject(decision, RiskRules.PairNotAllowed, $"{pair} is not allowed in the current stage (allowed: {allowed})");
        }

        if (CheckConfidence(input) is { } lowConfidence)
        {
            return lowConfidence;
        }

        if (portfolio.DrawdownPct >= constraints.MaxDrawdownPct)
        {
            return Reject(decision, RiskRules.MaxDrawdownPct, Invariant(
                $"drawdown {Pct(portfolio.DrawdownPct)}% from the peak {Usd(portfolio.PeakEquityUsd)} USDT (equity {Usd(portfolio.EquityUsd)} USDT) is at or beyond the limit {Pct(constraints.MaxDrawdownPct)}%: no new risk"));
        }

        if (CheckTradesPerDay(input) is { } tooMany)
        {
            return tooMany;
        }

        var equity = portfolio.EquityUsd;
        if (equity <= 0)
        {
            return Reject(decision, RiskRules.NoEquity, Invariant($"equity {Usd(equity)} USDT leaves nothing to risk"));
        }

        var marginLeverage = Math.Min(constraints.MaxLeverage, info.MaxLeverage);
        if (!isLong && marginLeverage <= 1m)
        {
            return Reject(decision, RiskRules.ShortNotAllowed, Invariant(
                $"SELL without a long position or a holding of {pair.Base} opens a short, which needs margin: max_leverage is {Amount(constraints.MaxLeverage)} (the pair allows {info.MaxLeverage})"));
        }

        var side = isLong ? "below" : "above";
        decimal stop;
        var defaultStop = decision.StopLoss is null;
        if (decision.StopLoss is { } requestedStop)
        {
            stop = info.RoundPrice(requestedStop);
            if (isLong ? stop >= price : stop <= price)
            {
                return Reject(decision, RiskRules.StopLossSide, Invariant(
                    $"stop-loss {Amount(stop)} is not {side} the price {Amount(price)} for a {action}"));
            }
        }
        else
        {
            var raw = price * (1m + (isLong ? -1m : 1m) * constraints.DefaultStopPct / 100m);
            var ticks = raw / info.TickSize;
            stop = (isLong ? decimal.Floor(ticks) : decimal.Ceiling(ticks)) * info.TickSize;
            if (stop <= 0)
            {
                return Reject(decision, RiskRules.StopLossSide, Invariant(
                    $"the default stop-loss {Pct(constraints.DefaultStopPct)}% {side} the price {Amount(price)} rounds to {Amount(stop)}, which is not a price"));
            }
        }

        decimal? takeProfit = null;
        if (decision.TakeProfit is { } requestedTakeProfit)
        {
            var tp = info.RoundPrice(requestedTakeProfit);
            if (isLong ? tp <= price : tp >= price)
            {
                return Reject(decision, RiskRules.TakeProfitSide, Invariant(
                    $"take-profit {Amount(tp)} is not {(isLong ? "above" : "below")} the price {Amount(price)} for a {action}"));
            }

            takeProfit = tp;
        }

        // Sizing, in USDT.
        var unitUsd = price * input.QuoteUsd;
        var requested = equity * decision.SizePct / 100m;
        var distance = Math.Abs(price - stop) / price;
        var caps = new List<Cap>(5);

        var riskCap = equity * constraints.RiskPerTradePct / 100m / distance;
        caps.Add(new Cap(RiskRules.RiskPerTradePct, riskCap, Invariant(
            $"requested {Usd(requested)} USDT exceeds the risk cap {Usd(riskCap)} USDT ({Pct(constraints.RiskPerTradePct)}% of equity {Usd(equity)} USDT over a stop {Pct(distance * 100m)}% away)")));

        var position = portfolio.PositionIn(pair);
        var existing = position is not null
            ? (position.Side == (isLong ? PositionSide.Long : PositionSide.Short) ? position.Volume * unitUsd : 0m)
            : (isLong ? portfolio.Balance(pair.Base) * unitUsd : 0m);
        var positionCap = Math.Max(0m, equity * constraints.MaxPositionPct / 100m - existing);
        caps.Add(new Cap(RiskRules.MaxPositionPct, positionCap, Invariant(
            $"requested {Usd(requested)} USDT exceeds the position cap {Usd(positionCap)} USDT ({Pct(constraints.MaxPositionPct)}% of equity {Usd(equity)} USDT less the existing {Usd(existing)} USDT)")));

        caps.Add(new Cap(RiskRules.MaxSingleOrderUsd, constraints.MaxSingleOrderUsd, Invariant(
            $"requested {Usd(requested)} USDT exceeds the single-order cap {Usd(constraints.MaxSingleOrderUsd)} USDT")));

        var facts = input.CycleFacts ?? RiskCycleFacts.None;
        var gross = portfolio.Positions.Sum(p => Math.Abs(p.NotionalUsd)) + facts.ApprovedNotionalUsd;
        var leverageRoom = Math.Max(0m, constraints.MaxLeverage * equity - gross);
        caps.Add(new Cap(RiskRules.MaxLeverage, leverageRoom, Invariant(
            $"requested {Usd(requested)} USDT exceeds the leverage room {Usd(leverageRoom)} USDT ({Amount(constraints.MaxLeverage)}x equity {Usd(equity)} USDT less the gross exposure {Usd(gross)} USDT)")));

        var freeMargin = Math.Max(0m, portfolio.FreeMarginUsd);
        var marginCapacity = freeMargin * marginLeverage;
        var marginText = Invariant($"free margin {Usd(freeMargin)} USDT x leverage {Amount(marginLeverage)}");
        var leverage = marginLeverage;
        var fundsCap = marginCapacity;
        var fundsText = marginText;
        if (isLong)
        {
            var quoteBalance = portfolio.Balance(pair.Quote);
            var cash = quoteBalance * input.QuoteUsd / (1m + info.TakerFee);
            var sizedSoFar = caps.Aggregate(requested, (min, cap) => Math.Min(min, cap.Limit));
            if (sizedSoFar <= cash || marginLeverage <= 1m || marginCapacity <= cash)
            {
                leverage = 1m;
                fundsCap = cash;
                fundsText = Invariant(
                    $"the free {Amount(quoteBalance)} {pair.Quote} ({Usd(quoteBalance * input.QuoteUsd)} USDT) less the {Pct(info.TakerFee * 100m)}% taker fee");
            }
        }

        caps.Add(new Cap(RiskRules.AvailableFunds, fundsCap, Invariant(
            $"requested {Usd(requested)} USDT exceeds the available funds {Usd(fundsCap)} USDT ({fundsText})")));

        var (amount, binding) = Bind(requested, caps);
        if (amount <= 0 && binding is { } empty)
        {
            return Reject(decision, empty.Rule, empty.Message);
        }

        var volume = info.FloorVolume(amount / unitUsd);
        if (CheckMinimum(input, volume, binding) is { } tooSmall)
        {
            return tooSmall;
        }

        var notional = volume * unitUsd;
        var sizePct = SizePctOf(notional, equity);
        var what = Invariant(
            $"{action} {Amount(volume)} {pair.Base} at {Amount(price)} {pair.Quote} = {Usd(notional)} USDT ({Pct(sizePct)}% of equity {Usd(equity)} USDT), leverage {Amount(leverage)}, stop-loss {Amount(stop)} ({Pct(distance * 100m)}% away{(defaultStop ? ", default" : string.Empty)})");
        return new RiskVerdict(
            decision,
            binding is null ? RiskOutcome.Approved : RiskOutcome.Resized,
            sizePct,
            notional,
            volume,
            leverage,
            stop,
            takeProfit,
            binding?.Rule,
            binding is null ? what : $"{binding.Value.Message}; {what}");
    }

    private static RiskVerdict? CheckConfidence(RiskInput input) =>
        input.Decision.Confidence < input.Constraints.ConfidenceThreshold
            ? Reject(input.Decision, RiskRules.ConfidenceThreshold, Invariant(
                $"confidence {Confidence(input.Decision.Confidence)} is below the threshold {Confidence(input.Constraints.ConfidenceThreshold)}"))
            : null;

    private static RiskVerdict? CheckTradesPerDay(RiskInput input)
    {
        var facts = input.CycleFacts ?? RiskCycleFacts.None;
        var trades = input.Portfolio.TradesToday + facts.ApprovedTrades;
        return trades >= input.Constraints.MaxTradesPerDay
            ? Reject(input.Decision, RiskRules.MaxTradesPerDay, Invariant(
                $"{trades} trades today ({input.Portfolio.TradesToday} filled + {facts.ApprovedTrades} approved this cycle) reach the limit {input.Constraints.MaxTradesPerDay}"))
            : null;
    }

    private static RiskVerdict? CheckMinimum(RiskInput input, decimal volume, Cap? binding)
    {
        var info = input.PairInfo;
        var pair = input.Decision.Pair;
        var after = binding is { } cap ? $" after the {cap.Rule} cap" : string.Empty;
        if (volume < info.MinOrderVolume)
        {
            return Reject(input.Decision, RiskRules.MinimumOrderSize, Invariant(
                $"volume {Amount(volume)} {pair.Base}{after} is below the minimum order {Amount(info.MinOrderVolume)} {pair.Base}"));
        }

        var cost = volume * input.Price;
        if (cost < info.MinCost)
        {
            return Reject(input.Decision, RiskRules.MinimumOrderSize, Invariant(
                $"cost {Amount(cost)} {pair.Quote} of {Amount(volume)} {pair.Base}{after} is below the minimum cost {Amount(info.MinCost)} {pair.Quote}"));
        }

        return null;
    }

    /// <summary>The smallest of the requested amount and the caps; the first cap below the request is the binding one.</summary>
    private static (decimal Amount, Cap? Binding) Bind(decimal requested, List<Cap> caps)
    {
        var amount = requested;
        Cap? binding = null;
        foreach (var cap in caps)
        {
            if (cap.Limit < amount)
            {
                amount = Math.Max(0m, cap.Limit);
                binding = cap;
            }
        }

        return (amount, binding);
    }

    private static decimal SizePctOf(decimal notionalUsd, decimal equityUsd) =>
        equityUsd > 0 ? decimal.Round(notionalUsd / equityUsd * 100m, 4, MidpointRounding.AwayFromZero) : 0m;

    private static RiskVerdict Reject(TradeDecision decision, string rule, string reason) =>
        new(decision, RiskOutcome.Rejected, 0m, 0m, 0m, 1m, null, null, rule, reason);

    private static string? DecisionProblem(TradeDecision decision)
    {
        if (decision.SizePct <= 0 || decision.SizePct > 100)
        {
            return Invariant($"size {Amount(decision.SizePct)}% of equity is outside (0, 100]");
        }

        if (double.IsNaN(decision.Confidence) || decision.Confidence < 0 || decision.Confidence > 1)
        {
            return Invariant($"confidence {Confidence(decision.Confidence)} is outside [0, 1]");
        }

        if (decision.StopLoss is <= 0)
        {
            return Invariant($"stop-loss {Amount(decision.StopLoss.Value)} is not a price above 0");
        }

        if (decision.TakeProfit is <= 0)
        {
            return Invariant($"take-profit {Amount(decision.TakeProfit.Value)} is not a price above 0");
        }

        return null;
    }

    private static void Validate(RiskInput input)
    {
        ArgumentNullException.ThrowIfNull(input.Decision, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Portfolio, nameof(input));
        ArgumentNullException.ThrowIfNull(input.Constraints, nameof(input));
        ArgumentNullException.ThrowIfNull(input.PairInfo, nameof(input));
        var pair = input.Decision.Pair;
        if (input.PairInfo.Pair != pair)
        {
            throw new ArgumentException($"The decision is for {pair} but the pair metadata is for {input.PairInfo.Pair}.", nameof(input));
        }

        if (input.Price <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.Price, $"The price of {pair} must be above 0.");
        }

        if (input.QuoteUsd <= 0 || (pair.Quote == Asset.USDT && input.QuoteUsd != 1m))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.QuoteUsd,
                $"QuoteUsd, the USDT value of one {pair.Quote}, must be above 0 (and exactly 1 for a USDT-quoted pair such as {pair}).");
        }

        var c = input.Constraints;
        Require(c.RiskPerTradePct > 0 && c.RiskPerTradePct <= 100, "risk_per_trade_pct", c.RiskPerTradePct, "in (0, 100]");
        Require(c.MaxLeverage >= 1, "max_leverage", c.MaxLeverage, "at least 1");
        Require(c.MaxDrawdownPct > 0 && c.MaxDrawdownPct <= 100, "max_drawdown_pct", c.MaxDrawdownPct, "in (0, 100]");
        Require(!double.IsNaN(c.ConfidenceThreshold) && c.ConfidenceThreshold >= 0 && c.ConfidenceThreshold <= 1, "confidence_threshold", c.ConfidenceThreshold, "in [0, 1]");
        Require(c.MaxTradesPerDay >= 0, "max_trades_per_day", c.MaxTradesPerDay, "at least 0");
        Require(c.MaxSingleOrderUsd > 0, "max_single_order_usd", c.MaxSingleOrderUsd, "above 0");
        Require(c.MaxPositionPct > 0 && c.MaxPositionPct <= 100, "max_position_pct", c.MaxPositionPct, "in (0, 100]");
        Require(c.DefaultStopPct > 0 && c.DefaultStopPct < 100, "default_stop_pct", c.DefaultStopPct, "in (0, 100)");
        if (c.AllowedPairs is null)
        {
            throw new ArgumentException("The constraint allowed_pairs must be a list (empty allows none).", nameof(input));
        }

        if (input.CycleFacts is { } facts && (facts.ApprovedTrades < 0 || facts.ApprovedNotionalUsd < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(input), facts, "Cycle facts must not be negative.");
        }
    }

    private static void Require(bool ok, string key, object value, string rule)
    {
        if (!ok)
        {
            throw new ArgumentOutOfRangeException("input", value, Invariant($"The constraint {key} must be {rule}, got {value}."));
        }
    }

    private readonly record struct Cap(string Rule, decimal Limit, string Message);
}
