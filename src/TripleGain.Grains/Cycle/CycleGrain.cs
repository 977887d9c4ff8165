using System.Diagnostics;
using Microsoft.Extensions.Logging;
using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Market;
using TripleGain.Grains.Models;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;
using JournalCycleStatus = TripleGain.Journal.CycleStatus;

namespace TripleGain.Grains.Cycle;

/// <inheritdoc cref="ICycleGrain"/>
/// <remarks>
/// One cycle at market time t: refresh every pair (candles and indicators) -> technical snapshot -> for every account
/// in parallel: sync the paper account (fills resting orders on the new candles) and, at a decision time
/// (every cycle.llm_query_interval_seconds), ask its model (with its timeout; a slow or failing model holds) -> risk
/// agent + coordinator (<see cref="CyclePlanner"/>) -> paper execution -> journal. The cycle number is t / interval;
/// its id is "&lt;key&gt;-&lt;number&gt;". The number is persisted before any side effect.
/// <para><b>Stages.</b> Every cycle, per account: sync; expire its due approvals (<see cref="IApprovalQueueGrain"/>);
/// read its stage (<see cref="IStageGrain"/>, the global emergency stop folded in); for a live stage, at most once per
/// market day, apply the rollback rules to its equity curve (the journal's snapshots since the rollback window began,
/// plus the equity now). An account that is halted runs no model and places nothing (the reason is in the summary's
/// Halted list; the stop or pause itself is journalled by the stage grain); under an emergency stop its open orders,
/// protective ones included, are cancelled on every cycle, while a pause keeps them. Otherwise the model decides under
/// <c>StageRules.For(status, now).ApplyTo(constraints)</c>; the stage is read again just before placing (decisions
/// planned when a stop arrived are journalled with the verdict "trading_halted"); every planned order whose USD notional
/// <see cref="Core.Stages.StageRules.RequiresApproval"/> goes to the account's approval queue instead of the exchange.</para>
/// <para><b>Model of a single account.</b> Outside comparison mode the one account is traded by the model chosen for it
/// (<see cref="IAccountModelGrain"/>, else the configuration's first usable active model); once per market day, before
/// trading, the automatic switch may change it to the selector's best model where the stage and models.auto_switch_enabled
/// allow it. When the model fails (timeout, error, invalid output) its failed decision is journalled and
/// models.fallback_model decides for the account in the same cycle.</para>
/// </remarks>
[GrainType("cycle")]
public sealed class CycleGrain(
    [PersistentState("cycle", StorageNames.Grains)] IPersistentState<CycleGrainState> state,
    MarketClock clock,
    TradingConfig config,
    IModelRegistry models,
    IDecisionJournal journal,
    CycleHealth health,
    ILogger<CycleGrain> logger) : Grain, ICycleGrain, IRemindable
{
    /// <summary>The rule of a journalled verdict whose decision was planned but not placed because trading was halted.</summary>
    public const string TradingHaltedRule = "trading_halted";

    internal const string ReminderName = "cycle";
    private const int RecentDecisionMemory = 12;

    /// <summary>How many of a model's newest journalled decisions are read to find its recent trading decisions after an activation.</summary>
    private const int RecentDecisionLookBack = 500;

    private static readonly TechnicalAgent Technical = new();
    private readonly Dictionary<string, List<TradeDecision>> _recent = new(StringComparer.Ordinal);
    private Task<CycleSummary>? _running;
    private IGrainTimer? _timer;
    private bool _interruptedMarked;

    private string Key => this.GetPrimaryKeyString();

    private TimeSpan Interval => config.Cycle.Interval;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await MarkInterruptedCyclesAsync(cancellationToken);
        if (state.State.Enabled)
        {
            StartTimer();
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task StartAsync()
    {
        var period = Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : Interval;
        await this.RegisterOrUpdateReminder(ReminderName, TimeSpan.FromSeconds(1), period);
        if (!state.State.Enabled)
        {
            state.State = state.State with { Enabled = true };
            await state.WriteStateAsync();
        }

        StartTimer();
    }

    public async Task StopAsync()
    {
        _timer?.Dispose();
        _timer = null;
        var reminder = await this.GetReminder(ReminderName);
        if (reminder is not null)
        {
            await this.UnregisterReminder(reminder);
        }

        state.State = state.State with { Enabled = false };
        await state.WriteStateAsync();
    }

    public Task<CycleSummary> RunOnceAsync()
    {
        if (_running is { IsCompleted: false } running)
        {
            return running;
        }

        _running = RunCycleAsync();
        return _running;
    }

    public Task<CycleStatus> GetStatusAsync() => Task.FromResult(new CycleStatus(
        state.State, _running is { IsCompleted: false }, clock.UtcNow, Interval, TradingAccounts.Of(config, models).Select(a => a.AccountId).ToList()));

    /// <summary>A tick is a grain call with a timeout: start the cycle in the background and return at once.</summary>
    public Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ReminderName)
        {
            Kick();
        }

        return Task.CompletedTask;
    }

    private void StartTimer()
    {
        if (_timer is not null || clock.Speed <= 1)
        {
            return;
        }

        var period = clock.ToReal(Interval);
        _timer = this.RegisterGrainTimer(() => { Kick(); return Task.CompletedTask; }, new GrainTimerCreationOptions(period, period) { Interleave = true });
    }

    private void Kick()
    {
        if (_running is { IsCompleted: false })
        {
            return;
        }

        _running = RunCycleAsync();
    }

    /// <summary>
    /// A cycle journalled as running when this activation starts was cut off by a stop or crash of its silo: it is
    /// marked failed. The current cycle is left alone: it runs again under its own id and finishes normally. Done once
    /// per activation; a journal failure is logged and the marking is tried again before the next cycle, so it never
    /// fails the activation (and with it trading, health and the UI).
    /// </summary>
    private async Task MarkInterruptedCyclesAsync(CancellationToken cancellationToken = default)
    {
        if (_interruptedMarked)
        {
            return;
        }

        try
        {
            var current = CycleId(CycleNumber(clock.UtcNow));
            foreach (var interrupted in (await journal.RunningCyclesAsync(Key, cancellationToken)).Where(c => c.CycleId != current))
            {
                await journal.FinishCycleAsync(interrupted.CycleId, JournalCycleStatus.Failed,
                    "interrupted: the silo running it stopped", clock.UtcNow, cancellationToken);
            }

            _interruptedMarked = true;
        }
#pragma warning disable CA1031 // bookkeeping of cycles already over: never a reason to stop this one
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "{Cycle}: marking interrupted cycles in the journal failed; tried again before the next cycle", Key);
        }
    }

    private long CycleNumber(DateTime now) => now.Ticks / Interval.Ticks;

    /// <summary>
    /// The models are asked in the first cycle, then once per decision interval: in the first cycle at or after each
    /// boundary (e.g. every five market minutes), so a cycle that catches up past a boundary (a busy or restarted silo, an
    /// accelerated clock) still decides, once. State from before <see cref="CycleGrainState.LastDecisionAt"/> was kept
    /// decides on the boundary minute only, as it did.
    /// </summary>
    private bool DecisionDue(DateTime marketTime)
    {
        var interval = config.Cycle.DecisionInterval.Ticks;
        return state.State.LastDecisionAt is { } last
            ? marketTime.Ticks / interval > last.Ticks / interval
            : state.State.DecisionCycles == 0 || marketTime.Ticks % interval == 0;
    }

    private string CycleId(long number) => $"{Key}-{number}";

    private async Task<CycleSummary> RunCycleAsync()
    {
        await MarkInterruptedCyclesAsync();
        var now = clock.UtcNow;
        var number = CycleNumber(now);
        var cycleId = CycleId(number);
        var marketTime = new DateTime(number * Interval.Ticks, DateTimeKind.Utc);
        if (number <= state.State.CompletedCycle)
        {
            return new CycleSummary(cycleId, marketTime, false, 0, 0, 0, 0, "already completed", []);
        }

        var stopwatch = Stopwatch.StartNew();
        var decisionCycle = DecisionDue(marketTime);
        state.State = state.State with { StartedCycle = number, LastStartedAt = now };
        await state.WriteStateAsync();
        GrainFactory.Publish(OperatorChangeKind.CycleStarted, cycleId, logger);
        var errors = new List<string>();
        var decisions = 0;
        var placed = 0;
        var rejected = 0;
        var queued = 0;
        var halted = new List<string>();
        try
        {
            await journal.BeginCycleAsync(cycleId, Key, now);
            var market = await SnapshotAsync(now);
            var accounts = await AccountsAsync(now);
            var outcomes = await Task.WhenAll(accounts.Select(account => RunAccountAsync(cycleId, account, now, market, decisionCycle)));
            foreach (var outcome in outcomes)
            {
                decisions += outcome.Decisions;
                placed += outcome.Placed;
                rejected += outcome.Rejected;
                queued += outcome.Queued;
                if (outcome.Halted is { } halt)
                {
                    halted.Add(halt);
                }

                if (outcome.Error is { } error)
                {
                    errors.Add(error);
                }
            }

            await journal.FinishCycleAsync(cycleId, errors.Count == 0 ? JournalCycleStatus.Succeeded : JournalCycleStatus.Failed,
                errors.Count == 0 ? null : string.Join("; ", errors), clock.UtcNow);
        }
#pragma warning disable CA1031 // the cycle reports every failure and the next tick tries again
        catch (Exception ex)
#pragma warning restore CA1031
        {
            errors.Add($"{ex.GetType().Name}: {ex.Message}");
            logger.LogError(ex, "Cycle {Cycle} failed", cycleId);
        }

        var duration = stopwatch.Elapsed.TotalMilliseconds;
        state.State = state.State with
        {
            CompletedCycle = errors.Count == 0 ? number : state.State.CompletedCycle,
            LastCompletedAt = errors.Count == 0 ? clock.UtcNow : state.State.LastCompletedAt,
            LastDurationMs = duration,
            LastError = errors.Count == 0 ? null : string.Join("; ", errors),
            CyclesRun = state.State.CyclesRun + 1,
            DecisionCycles = state.State.DecisionCycles + (decisionCycle ? 1 : 0),
            LastDecisionAt = decisionCycle ? marketTime : state.State.LastDecisionAt,
        };
        await state.WriteStateAsync();
        GrainFactory.Publish(OperatorChangeKind.CycleCompleted, cycleId, logger);
        health.Report(new CycleReport(
            errors.Count == 0 ? CycleState.Running : CycleState.Failed,
            errors.Count == 0
                ? $"cycle {cycleId} at {marketTime:yyyy-MM-dd HH:mm} UTC completed in {duration:0} ms ({decisions} decisions, {placed} orders, {queued} awaiting approval, {halted.Count} accounts halted)"
                : $"cycle {cycleId} failed: {string.Join("; ", errors)}",
            DateTimeOffset.UtcNow));
        return new CycleSummary(cycleId, marketTime, decisionCycle, decisions, placed, rejected, duration, null, errors, queued, halted);
    }

    /// <summary>
    /// The accounts of this cycle. A single account is traded by the model chosen for it (<see cref="IAccountModelGrain"/>);
    /// at most once per market day, the automatic switch may first change that model (where the stage and the
    /// configuration allow it). A failing check is logged and leaves the model as it is.
    /// </summary>
    private async Task<IReadOnlyList<TradingAccount>> AccountsAsync(DateTime now)
    {
        if (TradingAccounts.SingleAccountId(config) is not { } single)
        {
            return TradingAccounts.Of(config, models);
        }

        var choice = GrainFactory.GetGrain<IAccountModelGrain>(single);
        var view = await choice.GetAsync();
        var accounts = TradingAccounts.Of(config, models, view.ModelId);
        if (accounts.Count == 1 && AutoSwitchDue(view, now))
        {
            try
            {
                var check = await choice.EvaluateAutoSwitchAsync(accounts[0].ModelId, now);
                if (check.Switched)
                {
                    logger.LogWarning("{Account}: {From} -> {To} from this cycle on: {Reason}", single, check.Current, check.Best, check.Reason);
                    accounts = TradingAccounts.Of(config, models, check.Best);
                }
            }
#pragma warning disable CA1031 // the switch is an improvement, never a reason to stop trading with the current model
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "{Account}: the automatic model switch check failed; {Model} keeps trading", single, accounts[0].ModelId);
            }
        }

        return accounts;
    }

    /// <summary>The automatic model switch is checked at most once per market day.</summary>
    private static bool AutoSwitchDue(AccountModelView view, DateTime now) =>
        view.LastCheck is not { } last || last.At.Date < now.Date;

    private async Task<MarketSnapshot> SnapshotAsync(DateTime now)
    {
        var refreshes = await Task.WhenAll(config.Pairs.Select(p => GrainFactory.GetGrain<ITradingPairGrain>(p.Symbol).RefreshAsync(now)));
        var pairs = refreshes.OfType<PairIndicators>().ToList();
        return Technical.Run(new TechnicalInput(now, pairs));
    }

    private async Task<AccountOutcome> RunAccountAsync(string cycleId, TradingAccount account, DateTime now, MarketSnapshot market, bool decisionCycle)
    {
        var accountId = account.AccountId;
        var modelId = account.ModelId;
        try
        {
            var portfolio = GrainFactory.GetGrain<IPortfolioGrain>(accountId);
            var stage = GrainFactory.GetGrain<IStageGrain>(accountId);
            var approvals = GrainFactory.GetGrain<IApprovalQueueGrain>(accountId);
            var snapshot = await portfolio.SyncAsync(now);
            await approvals.ExpireDueAsync(now);
            var view = await stage.GetAsync();
            if (RollbacksDue(view, now))
            {
                await EvaluateRollbacksAsync(stage, accountId, snapshot, now);
                view = await stage.GetAsync();
            }

            if (!view.Rules.TradingAllowed)
            {
                return await HaltAsync(portfolio, accountId, view, now, 0);
            }

            if (!decisionCycle || market.Pairs.Count == 0)
            {
                return AccountOutcome.Nothing;
            }

            var constraints = view.Rules.ApplyTo(config.Constraints);
            var recent = await RecentDecisionsAsync(modelId, now);
            var context = new DecisionContext(now, market, snapshot, constraints, recent);
            var run = await GrainFactory.GetGrain<IModelGrain>(modelId).DecideAsync(context, config.Models.DecisionTimeout);
            if (run.Failed && account.FallbackModelId is { } fallback)
            {
                // The primary model failed (timeout, error, invalid output): journal that, and let the fallback decide.
                await JournalDecisionsAsync(cycleId, accountId, modelId, run,
                    CyclePlanner.Plan(new CyclePlanInput(cycleId, now, snapshot, [], constraints, PriceBook.From(market), PairCatalog.Kraken)),
                    market, now, null);
                logger.LogWarning("Cycle {Cycle}: {Model} failed ({Error}); {Fallback} decides for {Account}", cycleId, modelId, run.Trace?.ParseError, fallback, accountId);
                modelId = fallback;
                run = await GrainFactory.GetGrain<IModelGrain>(modelId).DecideAsync(context, config.Models.DecisionTimeout);
            }

            // An entry still waiting for its fill (a market order fills on the next candle) blocks new entries in that
            // pair: the model's next decision must not buy twice what is already on its way. Risk rejects it
            // ("entry_pending"), so the journal shows why no order followed.
            var pending = (await portfolio.OpenOrdersAsync())
                .Where(o => !o.Request.ReduceOnly && o.Request.Type is OrderType.Market or OrderType.Limit)
                .Select(o => o.Request.Pair)
                .ToHashSet();
            var prices = PriceBook.From(market);
            var plan = CyclePlanner.Plan(new CyclePlanInput(
                cycleId, now, snapshot, run.Decisions, constraints, prices,
                PairCatalog.Kraken.WithFees(config.MakerFee, config.TakerFee), PendingEntries: pending));
            Remember(modelId, run.Decisions);

            // The model may have taken seconds: a stop or pause set meanwhile wins over the plan.
            var latest = await stage.GetAsync();
            if (!latest.Rules.TradingAllowed)
            {
                await JournalDecisionsAsync(cycleId, accountId, modelId, run, plan, market, now, latest.Rules.HaltReason);
                return await HaltAsync(portfolio, accountId, latest, now, run.Decisions.Count);
            }

            var direct = new List<OrderRequest>();
            var supervised = new List<(PlannedOrder Order, decimal Usd)>();
            foreach (var order in plan.Orders)
            {
                var usd = NotionalUsd(order.Entry, prices);
                if (latest.Rules.RequiresApproval(usd))
                {
                    supervised.Add((order, usd));
                }
                else
                {
                    direct.Add(order.Entry);
                }
            }

            // Decisions are journalled before execution, so every order and fill points at the decision behind it.
            var decisionIds = await JournalDecisionsAsync(cycleId, accountId, modelId, run, plan, market, now, null);
            var orderDecisions = plan.Orders
                .Where(o => decisionIds.ContainsKey(o.Verdict.Decision))
                .ToDictionary(o => o.Entry.ClientOrderId, o => decisionIds[o.Verdict.Decision]);
            var report = await portfolio.ExecuteAsync(cycleId, direct, now, orderDecisions);
            foreach (var (order, usd) in supervised)
            {
                var pair = order.Entry.Pair;
                await approvals.EnqueueAsync(new TradeForApproval(
                    cycleId,
                    order,
                    decisionIds.TryGetValue(order.Verdict.Decision, out var decisionId) ? decisionId : null,
                    usd,
                    prices.Price(pair),
                    prices.QuoteUsd(pair),
                    now,
                    latest.Rules.ApprovalExpiresAt(now),
                    latest.Rules.ApprovalRule));
            }

            var accepted = report.Results.Count(r => r.IsAccepted);
            return new AccountOutcome(run.Decisions.Count, accepted, report.Results.Count - accepted, supervised.Count, null, null);
        }
#pragma warning disable CA1031 // one account's failure must not stop the others
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "Cycle {Cycle}: account {Account} failed", cycleId, accountId);
            return new AccountOutcome(0, 0, 0, 0, $"{accountId}: {ex.GetType().Name}: {ex.Message}", null);
        }
    }

    /// <summary>The rollback rules act on live stages, at most once per market day.</summary>
    private static bool RollbacksDue(StageView view, DateTime now) =>
        view.Status.Position.IsLive && (view.LastRollbackCheck is not { } last || last.At.Date < now.Date);

    private async Task EvaluateRollbacksAsync(IStageGrain stage, string accountId, PortfolioSnapshot snapshot, DateTime now)
    {
        var view = await stage.GetAsync();
        var snapshots = await journal.EquityCurveAsync(accountId, view.Status.MeasuredFrom, null);
        var points = snapshots.Where(s => s.Equity > 0 && s.TakenAt <= now).Select(s => new EquityPoint(s.TakenAt, s.Equity)).ToList();
        if (snapshot.EquityUsd > 0 && (points.Count == 0 || points[^1].Timestamp < now))
        {
            points.Add(new EquityPoint(now, snapshot.EquityUsd));
        }

        var check = await stage.EvaluateRollbacksAsync(points, now);
        if (check.Changed)
        {
            logger.LogWarning("{Account}: rollback rules fired: {Transitions}", accountId,
                string.Join("; ", check.Fired.Select(t => $"{t.Kind} {t.From} -> {t.To}: {t.Reason}")));
        }
    }

    /// <summary>A halted account: nothing is placed; under an emergency stop every open order is cancelled (a pause keeps them).</summary>
    private async Task<AccountOutcome> HaltAsync(IPortfolioGrain portfolio, string accountId, StageView view, DateTime now, int decisions)
    {
        var reason = view.Rules.HaltReason ?? "trading halted";
        if (view.IsEmergencyStopped)
        {
            var cancelled = await portfolio.CancelAllAsync(now, reason);
            if (cancelled > 0)
            {
                logger.LogWarning("{Account}: {Count} open orders cancelled: {Reason}", accountId, cancelled, reason);
            }
        }

        return new AccountOutcome(decisions, 0, 0, 0, null, $"{accountId}: {reason}");
    }

    /// <summary>The order's notional in USD at the cycle's prices (volume x price x the quote asset's USD value).</summary>
    private static decimal NotionalUsd(OrderRequest entry, PriceBook prices) =>
        entry.Volume * prices.Price(entry.Pair) * prices.QuoteUsd(entry.Pair);

    /// <summary>
    /// Journals the run's decisions with their verdicts (with <paramref name="haltReason"/>, the verdict of every
    /// non-HOLD decision is "trading_halted") and returns the journal's id of each decision.
    /// </summary>
    private async Task<IReadOnlyDictionary<TradeDecision, long>> JournalDecisionsAsync(
        string cycleId, string accountId, string modelId, DecisionRun run, CyclePlan plan, MarketSnapshot market, DateTime now, string? haltReason)
    {
        var trace = run.Trace;
        var entries = new List<DecisionEntry>();
        var journalled = new List<TradeDecision>();
        foreach (var decision in run.Decisions)
        {
            var record = DecisionRecord.FromTradeDecision($"{cycleId}:{accountId}:{decision.ModelId}:{decision.Pair.FileName}", cycleId, accountId, decision,
                trace?.Latency.TotalMilliseconds ?? 0) with
            {
                PromptName = trace?.PromptName,
                PromptHash = trace?.PromptHash,
                PromptText = PromptOf(trace),
                RawOutput = trace?.RawOutput,
                ParseStatus = trace is { Parsed: false } ? ParseStatus.Failed : ParseStatus.Ok,
                ParseError = trace?.ParseError,
                InputTokens = trace?.InputTokens ?? 0,
                OutputTokens = trace?.OutputTokens ?? 0,
                CostUsd = run.Decisions.Count == 0 ? 0m : (trace?.CostUsd ?? 0m) / run.Decisions.Count,
            };
            var verdict = plan.Verdicts.FirstOrDefault(v => ReferenceEquals(v.Decision, decision) || v.Decision == decision);
            var verdictRecord = haltReason is not null && decision.Action != TradeAction.Hold
                ? new RiskVerdictRecord(RiskOutcome.Rejected, TradingHaltedRule, haltReason, 0m, 0m, 0m, 1m, null, null)
                : verdict is null ? null : RiskVerdictRecord.FromVerdict(verdict);
            entries.Add(new DecisionEntry(record, verdictRecord));
            journalled.Add(decision);
        }

        if (entries.Count == 0 && trace is { Parsed: false })
        {
            // An invalid answer never becomes a trade, but it is journalled (raw output and reason) for every pair asked.
            logger.LogWarning("Cycle {Cycle}: {Model} gave no usable decision: {Error}", cycleId, modelId, trace.ParseError);
            foreach (var pair in market.Pairs)
            {
                entries.Add(new DecisionEntry(new DecisionRecord(
                    0, $"{cycleId}:{accountId}:{modelId}:{pair.Pair.FileName}", cycleId, accountId, modelId, pair.Pair, now,
                    trace.PromptName, trace.PromptHash, trace.RawOutput, null, null, null, null, null, null, null,
                    ParseStatus.Failed, trace.ParseError, trace.Latency.TotalMilliseconds, trace.InputTokens, trace.OutputTokens,
                    trace.CostUsd / market.Pairs.Count) { PromptText = PromptOf(trace) }));
            }
        }

        var ids = new Dictionary<TradeDecision, long>(ReferenceEqualityComparer.Instance);
        if (entries.Count > 0)
        {
            var recorded = await journal.RecordDecisionsAsync(entries);
            for (var i = 0; i < journalled.Count; i++)
            {
                ids.TryAdd(journalled[i], recorded[i].Value);
            }
        }

        return ids;
    }

    /// <summary>The rendered prompt for the journal; none when the model never got one (rule-based, or failed before rendering).</summary>
    private static string? PromptOf(DecisionTrace? trace) => string.IsNullOrEmpty(trace?.Prompt) ? null : trace.Prompt;

    /// <summary>
    /// The model's last <see cref="RecentDecisionMemory"/> trading decisions (not holds), oldest first, for its prompt.
    /// After an activation (a restart, a failover) the memory is read back from the journal once per model, so a
    /// restarted silo's prompts still show what the model did before; a journal that cannot be read leaves it empty
    /// for this cycle (logged) rather than stopping the trading.
    /// </summary>
    private async Task<IReadOnlyList<TradeDecision>> RecentDecisionsAsync(string modelId, DateTime now)
    {
        if (!_recent.TryGetValue(modelId, out var list))
        {
            try
            {
                var page = await journal.QueryDecisionsAsync(
                    new DecisionFilter(ModelId: modelId, ParseStatus: ParseStatus.Ok, To: now), DecisionPageRequest.Newest(RecentDecisionLookBack));
                list = page.Items
                    .Where(d => d.Action is { } action && action != TradeAction.Hold)
                    .Take(RecentDecisionMemory)
                    .Reverse()
                    .Select(d => new TradeDecision(d.ModelId, d.Pair, d.Action!.Value, d.SizePct ?? 0m, d.Confidence ?? 0d,
                        d.StopLoss, d.TakeProfit, d.Reasoning ?? string.Empty, d.DecidedAt))
                    .ToList();
                _recent[modelId] = list;
            }
#pragma warning disable CA1031 // the prompt's memory is a help, not a precondition: trade on without it
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogWarning(ex, "Cycle: could not read {Model}'s recent decisions from the journal; its prompt shows none this cycle", modelId);
                return [];
            }
        }

        return list.ToList();
    }

    private void Remember(string modelId, IReadOnlyList<TradeDecision> decisions)
    {
        if (!_recent.TryGetValue(modelId, out var list))
        {
            _recent[modelId] = list = [];
        }

        list.AddRange(decisions.Where(d => d.Action != TradeAction.Hold));
        if (list.Count > RecentDecisionMemory)
        {
            list.RemoveRange(0, list.Count - RecentDecisionMemory);
        }
    }

    private sealed record AccountOutcome(int Decisions, int Placed, int Rejected, int Queued, string? Error, string? Halted)
    {
        public static AccountOutcome Nothing { get; } = new(0, 0, 0, 0, null, null);
    }
}
