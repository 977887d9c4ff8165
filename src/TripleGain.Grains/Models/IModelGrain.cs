using TripleGain.Core.Agents;

namespace TripleGain.Grains.Models;

/// <summary>
/// One decision model. Key: the model id, e.g. "baseline", "claude-sonnet-4-5". Asks the model with a per-model
/// timeout; a slow or failing model answers HOLD for every pair with a failed trace instead of throwing, so it never
/// blocks the cycle. Keeps the model's statistics.
/// </summary>
[Alias("triplegain.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    [Alias("DecideAsync")]
    Task<DecisionRun> DecideAsync(DecisionContext context, TimeSpan timeout);

    [Alias("GetStatsAsync")]
    Task<ModelStats> GetStatsAsync();
}
