using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>Which models a stage runs (<see cref="StageRules.ModelsToRun"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ModelLineup>))]
public enum ModelLineup
{
    /// <summary>No model runs: trading is halted (emergency stop, pause, or phase 1 foundation).</summary>
    None = 0,

    /// <summary>Phase 2: every active model trades its own paper account (comparison mode).</summary>
    AllActive = 1,

    /// <summary>Phases 3-4: the best model trades the live account, with the local model as its fallback.</summary>
    BestWithFallback = 2,
}
