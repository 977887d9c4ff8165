namespace TripleGain.Silo.Services;

/// <summary>The models page's data.</summary>
public interface IModelComparison
{
    Task<ModelComparisonView> ReadAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// An operator's choice of the model trading the single account (live, or paper without comparison): by a
    /// signed-in person with a reason, of a model that can run now; journalled. Refused (nothing changes) otherwise,
    /// and in the paper comparison, where every model trades its own account.
    /// </summary>
    Task<DeskResult> ChooseAsync(string modelId, string by, string reason);
}
