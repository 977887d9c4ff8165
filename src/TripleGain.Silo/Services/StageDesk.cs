using System.Globalization;
using TripleGain.Core.Configuration;
using TripleGain.Core.Stages;
using TripleGain.Grains;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Stages;

namespace TripleGain.Silo.Services;

/// <summary>
/// The stage desk over the stage grains (one per account, "paper:&lt;model&gt;"), the global emergency stop grain and
/// the approval queues. Gates are evaluated with <see cref="GateFigures"/> and the persons' <see cref="GateTicks"/>;
/// promotion submits that evaluation, which the stage grain re-checks against the seed's gate.
/// </summary>
public sealed class StageDesk(IGrainFactory grains, TradingConfig config, MarketClock clock, GateFigures figures, GateTicks ticks)
    : IStageDesk, ILiveSource
{
    /// <summary>How far back the overview lists automatic changes (rollbacks, pauses, halvings) in market time.</summary>
    public static readonly TimeSpan RecentChanges = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<string>> AccountsAsync()
    {
        var status = await grains.GetGrain<ICycleGrain>(CycleKeys.For(config.Mode)).GetStatusAsync();
        return status.Accounts;
    }

    public async Task<StageSummary> ReadAsync(CancellationToken cancellationToken = default)
    {
        var global = await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync();
        var views = await ViewsAsync();
        var positions = views.Select(v => v.Status.Position.Label).Distinct().ToList();
        var position = positions.Count switch
        {
            0 => StagePosition.PaperTrading.Label,
            1 => positions[0],
            _ => string.Join("; ", views.Select(v => $"{v.AccountId}: {v.Status.Position.Label}")),
        };
        var pending = 0;
        foreach (var view in views)
        {
            pending += (await grains.GetGrain<IApprovalQueueGrain>(view.AccountId).ListAsync()).Pending.Count;
        }

        var changes = views
            .SelectMany(v => v.Status.History
                .Where(t => t.By == StageStatus.SystemActor && t.Kind is TransitionKind.Rollback or TransitionKind.Pause or TransitionKind.Halve or TransitionKind.EmergencyStop)
                .Where(t => v.Now - t.At <= RecentChanges)
                .Select(t => string.Create(CultureInfo.InvariantCulture,
                    $"{v.AccountId}: {t.Kind} {t.From.Label} → {t.To.Label} at {t.At:yyyy-MM-dd HH:mm} UTC: {t.Reason}")))
            .ToList();
        // Phase 1 halts an account without a stop or pause: say so, with what to do.
        var waiting = views
            .Where(v => !v.Rules.TradingAllowed && v.Status.Stop is null && v.Status.Pause is null && global.Stop is null)
            .Select(v => $"{v.AccountId}: {v.Rules.HaltReason}")
            .ToList();
        return new StageSummary(position, global.Stop, views.Select(v => v.Status.Pause).FirstOrDefault(p => p is not null), pending, changes, waiting);
    }

    public async Task<StageBoard> ReadBoardAsync(CancellationToken cancellationToken = default)
    {
        var global = await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync();
        var accounts = new List<AccountStage>();
        foreach (var view in await ViewsAsync())
        {
            var status = view.Status;
            var inputs = await figures.MeasureAsync(view, cancellationToken);
            var accountTicks = await ticks.ReadAsync(view.AccountId, cancellationToken);
            var gate = PhaseGates.For(status.Position);
            var next = status.Position.Next is { } up ? PhaseGates.For(up) : null;
            accounts.Add(new AccountStage(
                view.AccountId,
                status.Position,
                status.WeekOfPhase(view.Now),
                status.DaysInPhase(view.Now),
                status.DaysAtStage(view.Now),
                status.Stop,
                status.Pause,
                view.Rules.ApprovalRule,
                gate is null ? null : GateEvaluator.Evaluate(gate, inputs, accountTicks),
                next is null ? null : GateEvaluator.Evaluate(next, inputs, accountTicks),
                [.. status.History.Reverse()]));
        }

        return new StageBoard(clock.UtcNow, global.Stop, accounts);
    }

    public async Task<DeskResult> TickAsync(string accountId, string gateId, string itemId, string by, string? note, CancellationToken cancellationToken = default)
    {
        if (!StageStatus.IsPerson(by))
        {
            return DeskResult.Refused("Only a signed-in person may tick a checklist item.");
        }

        if (!(await AccountsAsync()).Contains(accountId))
        {
            return DeskResult.Refused($"There is no account '{accountId}'.");
        }

        var view = await grains.GetGrain<IStageGrain>(accountId).GetAsync();
        var gate = PhaseGates.For(view.Status.Position);
        if (gate is null || gate.Id != gateId)
        {
            return DeskResult.Refused($"'{gateId}' is not the gate of {accountId}'s current stage ({view.Status.Position.Label}).");
        }

        var item = gate.ManualItems.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return DeskResult.Refused($"Gate '{gateId}' has no checklist item '{itemId}'.");
        }

        await ticks.RecordAsync(accountId, view.Status.Position, new ManualTick(gateId, itemId, by, clock.UtcNow, note), cancellationToken);
        grains.Publish(OperatorChangeKind.GateTicked, accountId);
        return DeskResult.Done($"Ticked '{item.Description}' for {accountId}.");
    }

    public async Task<DeskResult> PromoteAsync(string accountId, string by, string reason, CancellationToken cancellationToken = default)
    {
        if (!(await AccountsAsync()).Contains(accountId))
        {
            return DeskResult.Refused($"There is no account '{accountId}'.");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return DeskResult.Refused("Say why: every promotion records its reason.");
        }

        var stage = grains.GetGrain<IStageGrain>(accountId);
        var view = await stage.GetAsync();
        if (PhaseGates.For(view.Status.Position) is not { } gate)
        {
            return DeskResult.Refused($"{accountId} is at {view.Status.Position.Label}: there is nothing to promote to.");
        }

        var evaluation = GateEvaluator.Evaluate(gate, await figures.MeasureAsync(view, cancellationToken), await ticks.ReadAsync(accountId, cancellationToken));
        if (!evaluation.Passed)
        {
            return DeskResult.Refused($"The gate does not pass: {string.Join("; ", evaluation.Blockers)}.");
        }

        var result = await stage.PromoteAsync(by, reason, evaluation);
        return result.Applied
            ? DeskResult.Done($"{accountId} promoted to {result.View.Status.Position.Label}.")
            : DeskResult.Refused($"Not promoted: {result.Refusal?.Reason}");
    }

    public async Task<EmergencyStop?> GlobalStopAsync(CancellationToken cancellationToken = default) =>
        (await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync()).Stop;

    public async Task<DeskResult> EmergencyStopAsync(string by, string reason, CancellationToken cancellationToken = default)
    {
        var result = await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).StopAsync(by, reason);
        return result.Applied
            ? DeskResult.Done($"Emergency stop set: every cycle is halted; {result.OrdersCancelled} open order(s) cancelled.")
            : DeskResult.Refused($"Not stopped: {result.Refusal?.Reason}");
    }

    public async Task<DeskResult> ResumeAsync(string by, string reason, CancellationToken cancellationToken = default)
    {
        var result = await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).ResumeAsync(by, reason);
        return result.Applied
            ? DeskResult.Done("Emergency stop lifted: the cycles trade again from their next run.")
            : DeskResult.Refused($"Not resumed: {result.Refusal?.Reason}");
    }

    public async ValueTask<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        var global = await grains.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync();
        var views = await ViewsAsync();
        return string.Create(CultureInfo.InvariantCulture,
            $"stop:{global.History.Count}:{string.Join(',', views.Select(v => v.Status.History.Count))}");
    }

    private async Task<List<StageView>> ViewsAsync()
    {
        var views = new List<StageView>();
        foreach (var account in await AccountsAsync())
        {
            views.Add(await grains.GetGrain<IStageGrain>(account).GetAsync());
        }

        return views;
    }
}
