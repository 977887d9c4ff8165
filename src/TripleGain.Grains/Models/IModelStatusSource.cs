namespace TripleGain.Grains.Models;

/// <summary>
/// The status of every model the silo knows: the two rule-based benchmarks, every LLM under <c>Llm:Models</c> (ready,
/// not configured, unauthorized or unreachable, with the reason) and any id in models.active_models that is neither.
/// Live: an LLM whose key the provider rejects turns Unauthorized. For the dashboard; cheap to call.
/// </summary>
public interface IModelStatusSource
{
    /// <summary>Active models first (in models.active_models order), then the others by id.</summary>
    IReadOnlyList<ModelStatus> Statuses();
}
