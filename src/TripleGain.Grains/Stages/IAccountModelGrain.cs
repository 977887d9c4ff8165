namespace TripleGain.Grains.Stages;

/// <summary>
/// Which model trades a single account ("live:main" or "paper:main"; key: the account id), changeable at runtime,
/// persisted and journalled. <see cref="TradingAccounts.Of(Core.Configuration.TradingConfig, Models.IModelRegistry, string?)"/>
/// uses the chosen model while it can run, else the configuration's rule. Every change is journalled in the account's
/// stage transitions (position unchanged, reason "Model: &lt;from&gt; -&gt; &lt;to&gt;: &lt;why&gt;") and logged.
/// </summary>
[Alias("triplegain.IAccountModelGrain")]
public interface IAccountModelGrain : IGrainWithStringKey
{
    [Alias("GetAsync")]
    Task<AccountModelView> GetAsync();

    /// <summary>
    /// The automatic switch at <paramref name="nowUtc"/> for the account now traded by <paramref name="currentModel"/>:
    /// ranks the active models' paper records (<see cref="Models.IModelCandidateSource"/>) with
    /// <see cref="Core.Selection.ModelSelector"/> and switches to its best model only where
    /// <see cref="Core.Selection.ModelSwitch.Decide"/> allows (models.auto_switch_enabled and the account's stage rules).
    /// The check is kept as <see cref="AccountModelView.LastCheck"/>; the cycle calls this at most once per market day.
    /// A check while the account's trading is halted (stopped, paused, phase 1) is not kept: it never switches, and the
    /// day's check is still due once trading resumes.
    /// </summary>
    [Alias("EvaluateAutoSwitchAsync")]
    Task<AutoSwitchCheck> EvaluateAutoSwitchAsync(string currentModel, DateTime nowUtc);

    /// <summary>
    /// An operator's choice of the model (a named person, a reason, a model that can run now; otherwise
    /// <see cref="ArgumentException"/> and nothing changes). Allowed at every stage.
    /// </summary>
    [Alias("ChooseAsync")]
    Task<AccountModelView> ChooseAsync(string modelId, string by, string reason);
}
