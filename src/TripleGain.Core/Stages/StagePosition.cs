using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// A place on the stage ladder: a phase and its capital stage. Only these seven positions exist, in this order
/// (<see cref="Ladder"/>):
/// Foundation (no capital) -> PaperTrading (no capital) -> MicroLive $100 -> Scale $200 -> Scale $500 -> Scale $1,000
/// -> Scale $2,100. Promotion moves one step up; a rollback one step down (so a rollback from $200 returns to phase 3
/// micro-live at $100).
/// </summary>
public readonly record struct StagePosition
{
    /// <summary>Creates a position; throws when the capital stage does not belong to the phase.</summary>
    [JsonConstructor]
    public StagePosition(Phase phase, CapitalStage capital)
    {
        var valid = phase switch
        {
            Phase.Foundation or Phase.PaperTrading => capital == CapitalStage.None,
            Phase.MicroLive => capital == CapitalStage.Usd100,
            Phase.Scale => capital is CapitalStage.Usd200 or CapitalStage.Usd500 or CapitalStage.Usd1000 or CapitalStage.Usd2100,
            _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "Unknown phase: phases are 1 (Foundation) to 4 (Scale)."),
        };
        if (!valid)
        {
            throw new ArgumentException(
                $"Capital stage {capital} does not belong to phase {phase}: phases 1-2 have no capital (None), phase 3 has Usd100, phase 4 has Usd200, Usd500, Usd1000 or Usd2100.",
                nameof(capital));
        }

        Phase = phase;
        Capital = capital;
    }

    public static StagePosition Foundation { get; } = new(Phase.Foundation, CapitalStage.None);

    public static StagePosition PaperTrading { get; } = new(Phase.PaperTrading, CapitalStage.None);

    public static StagePosition MicroLive100 { get; } = new(Phase.MicroLive, CapitalStage.Usd100);

    public static StagePosition Scale200 { get; } = new(Phase.Scale, CapitalStage.Usd200);

    public static StagePosition Scale500 { get; } = new(Phase.Scale, CapitalStage.Usd500);

    public static StagePosition Scale1000 { get; } = new(Phase.Scale, CapitalStage.Usd1000);

    /// <summary>Full capital, the last position.</summary>
    public static StagePosition Scale2100 { get; } = new(Phase.Scale, CapitalStage.Usd2100);

    /// <summary>Every position in promotion order.</summary>
    public static IReadOnlyList<StagePosition> Ladder { get; } =
        [Foundation, PaperTrading, MicroLive100, Scale200, Scale500, Scale1000, Scale2100];

    public Phase Phase { get; }

    public CapitalStage Capital { get; }

    /// <summary>Live capital in USD; 0 in phases 1 and 2.</summary>
    [JsonIgnore]
    public decimal CapitalUsd => Capital.CapitalUsd();

    /// <summary>True in phases 3 and 4 (real money at the exchange).</summary>
    [JsonIgnore]
    public bool IsLive => Phase is Phase.MicroLive or Phase.Scale;

    /// <summary>0 for Foundation up to 6 for $2,100.</summary>
    [JsonIgnore]
    public int Index
    {
        get
        {
            for (var i = 0; i < Ladder.Count; i++)
            {
                if (Ladder[i] == this)
                {
                    return i;
                }
            }

            throw new InvalidOperationException($"{Phase}/{Capital} is not a position of the stage ladder.");
        }
    }

    /// <summary>The next position up, or null at $2,100.</summary>
    [JsonIgnore]
    public StagePosition? Next => Index + 1 < Ladder.Count ? Ladder[Index + 1] : null;

    /// <summary>The position below, or null at Foundation.</summary>
    [JsonIgnore]
    public StagePosition? Previous => Index > 0 ? Ladder[Index - 1] : null;

    /// <summary>"phase 3 micro-live $100", "phase 2 paper trading".</summary>
    [JsonIgnore]
    public string Label => Phase switch
    {
        Phase.Foundation => "phase 1 foundation",
        Phase.PaperTrading => "phase 2 paper trading",
        Phase.MicroLive => $"phase 3 micro-live {Capital.Label()}",
        _ => $"phase 4 scale {Capital.Label()}",
    };

    public override string ToString() => Label;
}
