using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Grains.Stages;

/// <inheritdoc cref="IStageGrain"/>
/// <remarks>
/// Order of a transition: Core decides (pure) -> the new status is written -> the journal entries not yet written are
/// written (and their count saved). A journal failure is logged and retried on the next call, never undoes a transition.
/// </remarks>
[GrainType("stage")]
public sealed class StageGrain(
    [PersistentState("stage", StorageNames.Grains)] IPersistentState<StageGrainState> state,
    MarketClock clock,
    TradingConfig config,
    IDecisionJournal journal,
    ILogger<StageGrain> logger) : Grain, IStageGrain
{
    private readonly StageRuleSettings _settings = StageSettings.From(config);

    private string AccountId => this.GetPrimaryKeyString();

    public async Task<StageView> GetAsync()
    {
        var status = await EnsureStatusAsync();
        await FlushJournalAsync();
        return await ViewAsync(status);
    }

    public async Task<StageCommandResult> PromoteAsync(string by, string reason, GateEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var status = await EnsureStatusAsync();
        var globalStop = await GlobalStopAsync();
        if (globalStop is not null)
        {
            // Core checks the account's own stop; the global one is the grains' concern.
            return new StageCommandResult(false, null,
                new TransitionRefusal(RefusalCode.EmergencyStopped, $"The global emergency stop set by {globalStop.By} is active: resume it before promoting."),
                View(status, globalStop));
        }

        var (rechecked, problem) = GateReview.Recheck(evaluation);
        if (rechecked is null)
        {
            return new StageCommandResult(false, null, new TransitionRefusal(RefusalCode.WrongGate, problem!), View(status, globalStop));
        }

        return Published(await ApplyAsync((current, now) => current.Promote(rechecked, by, reason, now)));
    }

    public async Task<StageCommandResult> EmergencyStopAsync(string by, string reason)
    {
        var result = await ApplyAsync((current, now) => current.StopEmergency(by, reason, now));
        if (!result.Applied)
        {
            return result;
        }

        var cancelled = await GrainFactory.GetGrain<IPortfolioGrain>(AccountId)
            .CancelAllAsync(result.View.Now, $"emergency stop by {by}: {reason}");
        return Published(result with { OrdersCancelled = cancelled });
    }

    public async Task<StageCommandResult> ResumeAsync(string by, string reason) =>
        Published(await ApplyAsync((current, now) => current.ResumeEmergency(by, reason, now)));

    public async Task<StageCommandResult> PauseAsync(string by, string reason) =>
        Published(await ApplyAsync((current, now) => current.PauseTrading(by, reason, now)));

    public async Task<StageCommandResult> ResumeTradingAsync(string by, string reason) =>
        Published(await ApplyAsync((current, now) => current.ResumeTrading(by, reason, now)));

    public async Task<RollbackCheck> EvaluateRollbacksAsync(IReadOnlyList<EquityPoint> equity, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var status = await EnsureStatusAsync();
        var now = NotBefore(status, nowUtc);
        var evaluation = RollbackRules.Evaluate(status, equity, now);
        var check = new RollbackCheck(now, evaluation.PeakEquity, evaluation.MaxDrawdown, evaluation.DrawdownLimit,
            evaluation.Weeks, evaluation.LongestLosingRun, evaluation.Transitions);
        state.State = state.State with { Status = evaluation.Status, LastRollbackCheck = check };
        await state.WriteStateAsync();
        foreach (var transition in evaluation.Transitions)
        {
            logger.LogWarning("{Account}: rollback rule {Kind} from {From} to {To}: {Reason}",
                AccountId, transition.Kind, transition.From, transition.To, transition.Reason);
        }

        await FlushJournalAsync();
        if (evaluation.Transitions.Count > 0)
        {
            GrainFactory.Publish(OperatorChangeKind.StageChanged, AccountId, logger);
        }

        return check;
    }

    /// <summary>Tells the operator UI (fire-and-forget) that an applied transition changed the stage.</summary>
    private StageCommandResult Published(StageCommandResult result)
    {
        if (result.Applied)
        {
            GrainFactory.Publish(OperatorChangeKind.StageChanged, AccountId, logger);
        }

        return result;
    }

    private async Task<StageCommandResult> ApplyAsync(Func<StageStatus, DateTime, TransitionResult> transition)
    {
        var status = await EnsureStatusAsync();
        var result = transition(status, NotBefore(status, clock.UtcNow));
        if (result.Applied)
        {
            state.State = state.State with { Status = result.Status };
            await state.WriteStateAsync();
            logger.LogInformation("{Account}: {Kind} by {By} ({From} -> {To}): {Reason}", AccountId,
                result.Transition.Kind, result.Transition.By, result.Transition.From, result.Transition.To, result.Transition.Reason);
            await FlushJournalAsync();
        }

        return new StageCommandResult(result.Applied, result.Transition, result.Refusal, await ViewAsync(result.Status));
    }

    private async Task<StageStatus> EnsureStatusAsync()
    {
        if (state.State.Status is { } status)
        {
            return status;
        }

        var now = clock.UtcNow;
        var started = StageStatus.Start(now, _settings.StartPhase);
        state.State = state.State with { Status = started, StartedAt = started.PhaseStartedAt, Journaled = 0 };
        await state.WriteStateAsync();
        logger.LogInformation("{Account}: stage started at {Position}", AccountId, started.Position);
        return started;
    }

    /// <summary>
    /// The market time, but never before the last transition or the rollback window: an accelerated market clock
    /// restarts at the real time after a restart, and Core refuses transitions out of time order.
    /// </summary>
    private static DateTime NotBefore(StageStatus status, DateTime now)
    {
        if (now.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"The time {now:O} is local: stage times are UTC.", nameof(now));
        }

        var utc = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var floor = status.History.Count > 0 && status.History[^1].At > status.MeasuredFrom ? status.History[^1].At : status.MeasuredFrom;
        return utc < floor ? floor : utc;
    }

    private async Task<StageView> ViewAsync(StageStatus status) => View(status, await GlobalStopAsync());

    private StageView View(StageStatus status, EmergencyStop? globalStop) =>
        new(AccountId, status, NotBefore(status, clock.UtcNow), _settings, globalStop, state.State.LastRollbackCheck);

    private async Task<EmergencyStop?> GlobalStopAsync() =>
        (await GrainFactory.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync()).Stop;

    private Task FlushJournalAsync() =>
        state.State.Status is not { } status
            ? Task.CompletedTask
            : JournalOutbox.FlushAsync(
                state.State.Journaled,
                status.History.Count + 1,
                entry => JournalAsync(status, entry),
                SaveJournaledAsync,
                (ex, entry) => logger.LogError(ex, "{Account}: journalling stage entry {Entry} failed; it is retried on the next call", AccountId, entry));

    private Task SaveJournaledAsync(int journaled)
    {
        state.State = state.State with { Journaled = journaled };
        return state.WriteStateAsync();
    }

    private Task JournalAsync(StageStatus status, int entry)
    {
        if (entry == 0)
        {
            var start = status.History.Count > 0 ? status.History[0].From : status.Position;
            return journal.RecordStageTransitionAsync(new StageTransitionRecord(
                AccountId, null, start.Label, (int)start.Phase, "Start: account created", StageStatus.SystemActor,
                state.State.StartedAt ?? status.PhaseStartedAt));
        }

        var transition = status.History[entry - 1];
        if (transition.Kind is TransitionKind.EmergencyStop or TransitionKind.EmergencyResume)
        {
            return journal.RecordEmergencyStopAsync(new EmergencyStopRecord(
                AccountId,
                transition.Kind == TransitionKind.EmergencyStop ? EmergencyStopState.Stopped : EmergencyStopState.Resumed,
                transition.By,
                transition.At,
                transition.Reason));
        }

        return journal.RecordStageTransitionAsync(new StageTransitionRecord(
            AccountId, transition.From.Label, transition.To.Label, (int)transition.To.Phase,
            $"{transition.Kind}: {transition.Reason}", transition.By, transition.At));
    }
}
