using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Core.Selection;
using TripleGain.Core.Stages;
using TripleGain.Grains.Models;
using TripleGain.Grains.Operator;
using TripleGain.Journal;

namespace TripleGain.Grains.Stages;

/// <inheritdoc cref="IAccountModelGrain"/>
/// <remarks>
/// Order of a change: the new state is written -> the operator UI is told (a stage change of the account: the change
/// is in its stage transitions) -> the journal entries not yet written are written (and their count saved). A journal
/// failure is logged and retried on the next call, never undoes a change.
/// </remarks>
[GrainType("account-model")]
public sealed class AccountModelGrain(
    [PersistentState("account-model", StorageNames.Grains)] IPersistentState<AccountModelState> state,
    TradingConfig config,
    IModelRegistry models,
    IModelCandidateSource candidates,
    IDecisionJournal journal,
    ILogger<AccountModelGrain> logger) : Grain, IAccountModelGrain
{
    private string AccountId => this.GetPrimaryKeyString();

    public async Task<AccountModelView> GetAsync()
    {
        await FlushJournalAsync();
        return View();
    }

    public async Task<AutoSwitchCheck> EvaluateAutoSwitchAsync(string currentModel, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(currentModel);
        if (nowUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"The time {nowUtc:O} is local: switch times are UTC.", nameof(nowUtc));
        }

        var now = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        var stage = await GrainFactory.GetGrain<IStageGrain>(AccountId).GetAsync();
        var rules = stage.Rules;
        ModelSwitchDecision decision;
        string? best = null;
        if (!config.Models.AutoSwitchEnabled || !rules.AutoSwitchAllowed)
        {
            // nothing to rank: the configuration or the stage forbids the switch whatever the selector says
            decision = ModelSwitch.Decide(currentModel, new ModelSelection([], null, "not ranked", []), rules, config.Models.AutoSwitchEnabled, CanRun);
        }
        else
        {
            var records = await candidates.CandidatesAsync(config.Models.ActiveModels);
            ModelSelection selection;
            try
            {
                selection = ModelSelector.Select(records);
            }
            catch (ArgumentException ex)
            {
                // bad records do not get better within the day: keep the model, say why, check again tomorrow
                selection = new ModelSelection([], null, $"the candidates could not be ranked: {ex.Message}", []);
            }

            best = selection.Best;
            decision = ModelSwitch.Decide(currentModel, selection, rules, config.Models.AutoSwitchEnabled, CanRun);
        }

        var check = new AutoSwitchCheck(now, currentModel, best, decision.Switch, decision.Reason);
        if (decision.Switch)
        {
            var change = new ModelChange(currentModel, decision.To!, StageStatus.SystemActor, decision.Reason, now, rules.Position.Label, (int)rules.Position.Phase);
            state.State = state.State with { ModelId = change.To, Changes = [.. state.State.Changes, change], LastCheck = check };
            await state.WriteStateAsync();
            logger.LogWarning("{Account}: model switched automatically from {From} to {To}: {Reason}", AccountId, change.From, change.To, change.Reason);
            GrainFactory.Publish(OperatorChangeKind.StageChanged, AccountId, logger);
        }
        else if (!rules.TradingAllowed)
        {
            // A halted account (stopped, paused, phase 1) is not the day's check: once trading resumes the same day,
            // the cycle asks again (LastCheck stays as it was, so the day's check is still due).
            logger.LogInformation("{Account}: no model switch while trading is halted ({Reason}); checked again when it resumes", AccountId, rules.HaltReason);
        }
        else
        {
            state.State = state.State with { LastCheck = check };
            await state.WriteStateAsync();
            logger.LogInformation("{Account}: {Model} keeps trading: {Reason}", AccountId, currentModel, decision.Reason);
        }

        await FlushJournalAsync();
        return check;
    }

    public async Task<AccountModelView> ChooseAsync(string modelId, string by, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.Equals(by.Trim(), StageStatus.SystemActor, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The model of {AccountId} is chosen by a named person, not '{by}'.", nameof(by));
        }

        if (!CanRun(modelId))
        {
            throw new ArgumentException($"The model '{modelId}' cannot run now (not configured or unavailable): {AccountId} keeps its model.", nameof(modelId));
        }

        if (!string.Equals(state.State.ModelId, modelId, StringComparison.Ordinal))
        {
            var stage = await GrainFactory.GetGrain<IStageGrain>(AccountId).GetAsync();
            var position = stage.Status.Position;
            var change = new ModelChange(state.State.ModelId, modelId, by.Trim(), reason.Trim(), stage.Now, position.Label, (int)position.Phase);
            state.State = state.State with { ModelId = modelId, Changes = [.. state.State.Changes, change] };
            await state.WriteStateAsync();
            logger.LogWarning("{Account}: model chosen by {By}: {From} -> {To}: {Reason}", AccountId, change.By, change.From, change.To, change.Reason);
            GrainFactory.Publish(OperatorChangeKind.StageChanged, AccountId, logger);
        }

        await FlushJournalAsync();
        return View();
    }

    private bool CanRun(string modelId) => models.Find(modelId) is not null;

    private AccountModelView View() => new(AccountId, state.State.ModelId, state.State.Changes, state.State.LastCheck);

    private Task FlushJournalAsync()
    {
        var changes = state.State.Changes;
        return JournalOutbox.FlushAsync(
            state.State.Journaled,
            changes.Count,
            entry =>
            {
                var change = changes[entry];
                return journal.RecordStageTransitionAsync(new StageTransitionRecord(
                    AccountId, change.StageLabel, change.StageLabel, change.Phase, change.JournalReason, change.By, change.At));
            },
            SaveJournaledAsync,
            (ex, entry) => logger.LogError(ex, "{Account}: journalling model change {Entry} failed; it is retried on the next call", AccountId, entry));
    }

    private Task SaveJournaledAsync(int journaled)
    {
        state.State = state.State with { Journaled = journaled };
        return state.WriteStateAsync();
    }
}
