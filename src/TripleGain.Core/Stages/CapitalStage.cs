using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// The live capital the system may trade with. The numeric value of each member is its capital in USD (use
/// <see cref="CapitalStageExtensions.CapitalUsd"/>); the JSON form is the name ("Usd500").
/// <para>The stages form one list: $100 (phase 3, micro-live) -> $200 -> $500 -> $1,000 -> $2,100 (phase 4, scale).
/// There is no "halved" or "paused" capital stage: halving at full capital moves to $1,000, the stage below $2,100
/// (a <see cref="TransitionKind.Halve"/> transition), and a pause is a flag on <see cref="StageStatus"/> that keeps the
/// stage.</para>
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<CapitalStage>))]
public enum CapitalStage
{
    /// <summary>No live capital: phases 1 and 2 trade paper accounts only.</summary>
    None = 0,

    /// <summary>$100, phase 3 micro-live.</summary>
    Usd100 = 100,

    /// <summary>$200, the first scale stage.</summary>
    Usd200 = 200,

    /// <summary>$500.</summary>
    Usd500 = 500,

    /// <summary>$1,000; also the target of halving at full capital.</summary>
    Usd1000 = 1000,

    /// <summary>$2,100, full capital and the last stage.</summary>
    Usd2100 = 2100,
}
