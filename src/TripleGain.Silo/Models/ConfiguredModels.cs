using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Models;
using TripleGain.Llm;
using TripleGain.Llm.Providers;

namespace TripleGain.Silo.Models;

/// <summary>
/// The silo's models: the rule-based benchmarks ("baseline", "buy-and-hold") and every LLM of the
/// <see cref="ModelCatalog"/> (<c>Llm:Models:&lt;id&gt;</c>). <see cref="Find"/> hands out only models that can decide
/// now, so the cycle runs models.active_models ∩ usable models: an LLM without key, rejected by its provider or with
/// its Ollama endpoint down is not run (and never retried in a loop); its status says why.
/// </summary>
public sealed class ConfiguredModels : IModelRegistry, IModelStatusSource
{
    private readonly Dictionary<string, IDecisionModel> _ruleBased;
    private readonly ModelCatalog _catalog;
    private readonly IReadOnlyList<string> _active;

    public ConfiguredModels(ModelCatalog catalog, TradingConfig config)
        : this(catalog, config, [new BaselineModel(), new BuyAndHoldModel()])
    {
    }

    public ConfiguredModels(ModelCatalog catalog, TradingConfig config, IEnumerable<IDecisionModel> ruleBased)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(ruleBased);
        _catalog = catalog;
        _active = config.Models.ActiveModels;
        _ruleBased = new Dictionary<string, IDecisionModel>(StringComparer.Ordinal);
        foreach (var model in ruleBased)
        {
            if (!_ruleBased.TryAdd(model.Id, model))
            {
                throw new ArgumentException($"Two rule-based models have the id '{model.Id}'.", nameof(ruleBased));
            }
        }

        var clash = catalog.Models.FirstOrDefault(m => _ruleBased.ContainsKey(m.Id));
        if (clash is not null)
        {
            throw new ArgumentException(
                $"Llm:Models:{clash.Id} uses the id of a rule-based benchmark ({string.Join(", ", _ruleBased.Keys)}): give the LLM model another id.",
                nameof(catalog));
        }
    }

    public ModelCatalog Catalog => _catalog;

    /// <summary>The models that can decide now: the benchmarks and the usable LLMs.</summary>
    public IReadOnlyList<string> Ids => [.. _ruleBased.Keys, .. _catalog.Models.Where(m => m.Status.IsUsable).Select(m => m.Id)];

    public IDecisionModel? Find(string modelId)
    {
        if (_ruleBased.TryGetValue(modelId, out var model))
        {
            return model;
        }

        return _catalog.Find(modelId) is { Status.IsUsable: true } llm ? llm : null;
    }

    public IReadOnlyList<ModelStatus> Statuses()
    {
        var all = new Dictionary<string, ModelStatus>(StringComparer.Ordinal);
        foreach (var id in _ruleBased.Keys)
        {
            all[id] = new ModelStatus(id, ModelStatus.RuleBasedKind, null, null, ModelAvailability.Ready, "rule-based benchmark", IsActive(id));
        }

        foreach (var llm in _catalog.Models)
        {
            var status = llm.Status;
            all[llm.Id] = new ModelStatus(llm.Id, ModelStatus.LlmKind, status.Provider.ToString(), status.ModelName, Availability(status.State), status.Detail, IsActive(llm.Id));
        }

        foreach (var id in _active.Where(id => !all.ContainsKey(id)))
        {
            all[id] = new ModelStatus(id, ModelStatus.LlmKind, null, null, ModelAvailability.NotConfigured,
                $"models.active_models names it but Llm:Models:{id} is not configured", true);
        }

        var active = _active.Distinct(StringComparer.Ordinal).Select(id => all[id]);
        var others = all.Values.Where(s => !s.Active).OrderBy(s => s.ModelId, StringComparer.Ordinal);
        return [.. active, .. others];
    }

    private bool IsActive(string id) => _active.Contains(id, StringComparer.Ordinal);

    private static ModelAvailability Availability(LlmModelState state) => state switch
    {
        LlmModelState.Configured => ModelAvailability.Ready,
        LlmModelState.Unauthorized => ModelAvailability.Unauthorized,
        LlmModelState.Unreachable => ModelAvailability.Unreachable,
        _ => ModelAvailability.NotConfigured,
    };
}
