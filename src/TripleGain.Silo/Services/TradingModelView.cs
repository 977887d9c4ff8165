using TripleGain.Grains.Stages;

namespace TripleGain.Silo.Services;

/// <summary>
/// Which model trades the single account (live, or paper without comparison): the model and its fallback, whether a
/// switch chose it (else the configuration's first usable model), whether automatic switching is on, the last switch
/// check and the last change (null when none).
/// </summary>
public sealed record TradingModelView(
    string AccountId,
    string ModelId,
    string? FallbackModelId,
    bool Chosen,
    bool AutoSwitchEnabled,
    AutoSwitchCheck? LastCheck,
    ModelChange? LastChange);
