namespace TripleGain.Core.Configuration;

/// <summary>The <c>models.*</c> section.</summary>
public sealed record ModelsConfig(
    bool ComparisonMode,
    IReadOnlyList<string> ActiveModels,
    string? FallbackModel,
    int EvaluationPeriodDays,
    bool AutoSwitchEnabled,
    TimeSpan DecisionTimeout);
