using TripleGain.Core.Stages;

namespace TripleGain.Core.Selection;

/// <summary>
/// The automatic model switch of a single traded account. It switches only when all hold, checked in this order (the
/// reason names the first that fails): the configuration allows it (<c>models.auto_switch_enabled</c>); the account's
/// stage allows it (<see cref="StageRules.AutoSwitchAllowed"/>: paper trading, or scale with the setting; never
/// micro-live, never while halted); the selector names a best model (<see cref="ModelSelection.Best"/>: eligible, with a
/// meaningful lead); it is not the running model; and it can run now. The gate is
/// <see cref="ModelSelector.ShouldAutoSwitch"/>; this adds the reasons and the can-run check. Pure.
/// </summary>
public static class ModelSwitch
{
    public static ModelSwitchDecision Decide(
        string current, ModelSelection selection, StageRules rules, bool autoSwitchEnabled, Func<string, bool> canRun)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(current);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(canRun);

        if (!autoSwitchEnabled)
        {
            return Stay(current, "auto-switching is off (models.auto_switch_enabled: false)");
        }

        if (!rules.AutoSwitchAllowed)
        {
            return Stay(current, rules.HaltReason is { } halt
                ? $"no auto-switch while trading is halted ({halt})"
                : $"the stage ({rules.Position.Label}) does not allow auto-switching");
        }

        if (selection.Best is not { } best)
        {
            return Stay(current, $"no best model: {selection.Reason}");
        }

        if (!ModelSelector.ShouldAutoSwitch(current, selection, stageAllowsAutoSwitch: true))
        {
            return Stay(current, $"{current} is already the best model: {selection.Reason}");
        }

        if (!canRun(best))
        {
            return Stay(current, $"{best} is best but cannot run now (not configured or unavailable): {selection.Reason}");
        }

        return new ModelSwitchDecision(true, current, best, selection.Reason);
    }

    private static ModelSwitchDecision Stay(string current, string reason) => new(false, current, null, reason);
}
