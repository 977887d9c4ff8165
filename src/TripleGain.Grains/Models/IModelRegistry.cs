using TripleGain.Core.Agents;

namespace TripleGain.Grains.Models;

/// <summary>The decision models this silo can run, by id ("baseline", "buy-and-hold", LLM model ids).</summary>
public interface IModelRegistry
{
    IReadOnlyList<string> Ids { get; }

    /// <summary>The model, or null when no model has that id (or it is not configured).</summary>
    IDecisionModel? Find(string modelId);
}
