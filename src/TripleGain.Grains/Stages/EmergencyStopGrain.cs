using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Core.Stages;
using TripleGain.Grains.Models;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Grains.Stages;

/// <inheritdoc cref="IEmergencyStopGrain"/>
/// <remarks>
/// The stop is written before anything else (cancelling, journalling): once <see cref="StopAsync"/> has written it, every
/// stage view the cycle reads is halted. The journal is written after the state; a failed entry is retried on the next
/// call. Only the key <see cref="EmergencyStopKeys.Global"/> exists; others throw.
/// </remarks>
[GrainType("emergency-stop")]
public sealed class EmergencyStopGrain(
    [PersistentState("emergency-stop", StorageNames.Grains)] IPersistentState<EmergencyStopGrainState> state,
    MarketClock clock,
    TradingConfig config,
    IModelRegistry models,
    IDecisionJournal journal,
    ILogger<EmergencyStopGrain> logger) : Grain, IEmergencyStopGrain
{
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (this.GetPrimaryKeyString() != EmergencyStopKeys.Global)
        {
            throw new InvalidOperationException(
                $"The emergency stop grain has one key, '{EmergencyStopKeys.Global}'; '{this.GetPrimaryKeyString()}' is not it.");
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<EmergencyStopView> GetAsync()
    {
        await FlushJournalAsync();
        return View();
    }

    public async Task<EmergencyStopResult> StopAsync(string by, string reason)
    {
        Require(by, reason);
        if (state.State.Stop is { } active)
        {
            return new EmergencyStopResult(false,
                new TransitionRefusal(RefusalCode.AlreadyStopped, $"The global emergency stop is already active since {active.At:O} by {active.By}: {active.Reason}."),
                View());
        }

        var at = Now();
        state.State = state.State with
        {
            Stop = new EmergencyStop(by, at, reason),
            History = [.. state.State.History, new EmergencyStopChange(true, by, at, reason)],
        };
        await state.WriteStateAsync();
        logger.LogWarning("Global emergency stop by {By}: {Reason}", by, reason);
        var cancelled = await CancelEverywhereAsync(at, $"global emergency stop by {by}: {reason}");
        await FlushJournalAsync();
        GrainFactory.Publish(OperatorChangeKind.EmergencyStop, EmergencyStopKeys.Global, logger);
        return new EmergencyStopResult(true, null, View(), cancelled);
    }

    public async Task<EmergencyStopResult> ResumeAsync(string by, string reason)
    {
        Require(by, reason);
        if (state.State.Stop is null)
        {
            return new EmergencyStopResult(false, new TransitionRefusal(RefusalCode.NotStopped, "The global emergency stop is not active."), View());
        }

        if (!StageStatus.IsPerson(by))
        {
            return new EmergencyStopResult(false,
                new TransitionRefusal(RefusalCode.PersonRequired, $"Only a named person may lift the global emergency stop; '{by}' is not one."),
                View());
        }

        var at = Now();
        state.State = state.State with
        {
            Stop = null,
            History = [.. state.State.History, new EmergencyStopChange(false, by, at, reason)],
        };
        await state.WriteStateAsync();
        logger.LogWarning("Global emergency stop lifted by {By}: {Reason}", by, reason);
        await FlushJournalAsync();
        GrainFactory.Publish(OperatorChangeKind.EmergencyStop, EmergencyStopKeys.Global, logger);
        return new EmergencyStopResult(true, null, View());
    }

    private static void Require(string by, string reason)
    {
        if (string.IsNullOrWhiteSpace(by))
        {
            throw new ArgumentException("Who changed the emergency stop is blank: name a person or \"system\".", nameof(by));
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("The reason for the emergency stop change is blank: every change records why.", nameof(reason));
        }
    }

    private EmergencyStopView View() => new(state.State.Stop, state.State.History);

    /// <summary>The market time, never before the last change (an accelerated clock restarts at the real time).</summary>
    private DateTime Now()
    {
        var now = clock.UtcNow;
        return state.State.History.Count > 0 && state.State.History[^1].At > now ? state.State.History[^1].At : now;
    }

    private async Task<int> CancelEverywhereAsync(DateTime at, string reason)
    {
        var accounts = TradingAccounts.Of(config, models).Select(a => a.AccountId);
        var counts = await Task.WhenAll(accounts.Select(async account =>
        {
            try
            {
                return await GrainFactory.GetGrain<IPortfolioGrain>(account).CancelAllAsync(at, reason);
            }
#pragma warning disable CA1031 // the stop stands; the cycle cancels what is left on its next run
            catch (Exception ex)
#pragma warning restore CA1031
            {
                logger.LogError(ex, "Global emergency stop: cancelling the open orders of {Account} failed; the next cycle retries", account);
                return 0;
            }
        }));
        return counts.Sum();
    }

    private Task FlushJournalAsync()
    {
        var history = state.State.History;
        return JournalOutbox.FlushAsync(
            state.State.Journaled,
            history.Count,
            entry =>
            {
                var change = history[entry];
                return journal.RecordEmergencyStopAsync(new EmergencyStopRecord(
                    EmergencyStopKeys.Global,
                    change.Stopped ? EmergencyStopState.Stopped : EmergencyStopState.Resumed,
                    change.By,
                    change.At,
                    change.Reason));
            },
            SaveJournaledAsync,
            (ex, entry) => logger.LogError(ex, "Journalling global emergency stop change {Entry} failed; it is retried on the next call", entry));
    }

    private Task SaveJournaledAsync(int journaled)
    {
        state.State = state.State with { Journaled = journaled };
        return state.WriteStateAsync();
    }
}
