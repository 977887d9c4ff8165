using System.Globalization;

namespace TripleGain.Core.Stages;

/// <summary>Capital figures of a <see cref="CapitalStage"/>.</summary>
public static class CapitalStageExtensions
{
    /// <summary>The stage's capital in USD; 0 for <see cref="CapitalStage.None"/>.</summary>
    public static decimal CapitalUsd(this CapitalStage stage) =>
        Enum.IsDefined(stage)
            ? (int)stage
            : throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown capital stage.");

    /// <summary>"$1,000"; "paper" for <see cref="CapitalStage.None"/>.</summary>
    public static string Label(this CapitalStage stage) =>
        stage == CapitalStage.None ? "paper" : string.Create(CultureInfo.InvariantCulture, $"${stage.CapitalUsd():#,0}");
}
