using TripleGain.Core.Agents;

namespace TripleGain.Grains.Models;

/// <summary>A fixed set of models. The silo registers the two rule-based benchmarks and whatever LLMs are configured.</summary>
public sealed class ModelRegistry : IModelRegistry
{
    private readonly Dictionary<string, IDecisionModel> _models;

    public ModelRegistry(IEnumerable<IDecisionModel> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        _models = new Dictionary<string, IDecisionModel>(StringComparer.Ordinal);
        foreach (var model in models)
        {
            if (!_models.TryAdd(model.Id, model))
            {
                throw new ArgumentException($"Two models have the id '{model.Id}'.", nameof(models));
            }
        }
    }

    /// <summary>The benchmarks every comparison includes: "baseline" and "buy-and-hold".</summary>
    public static ModelRegistry RuleBased() => new([new BaselineModel(), new BuyAndHoldModel()]);

    public IReadOnlyList<string> Ids => [.. _models.Keys];

    public IDecisionModel? Find(string modelId) => _models.GetValueOrDefault(modelId);
}
