using TripleGain.Core.Stages;

namespace TripleGain.Core.Configuration;

/// <summary>
/// The <c>stages.*</c> section. <see cref="StartPhase"/> is the phase a new account starts in:
/// <see cref="Phase.Foundation"/> (phase 1: backtests and review; the account places no trades until a person promotes
/// it to paper trading through the foundation-to-paper gate) or <see cref="Phase.PaperTrading"/> (phase 2, the default:
/// a fresh machine paper-trades at once). It applies to accounts created from then on; an existing account keeps its
/// stage.
/// </summary>
public sealed record StagesConfig
{
    public StagesConfig(Phase startPhase)
    {
        StartPhase = startPhase is Phase.Foundation or Phase.PaperTrading
            ? startPhase
            : throw new ArgumentOutOfRangeException(nameof(startPhase), startPhase,
                "A new account starts in phase 1 (Foundation) or 2 (PaperTrading); live phases are reached by promotion.");
    }

    /// <summary>New accounts start in phase 2 paper trading.</summary>
    public static StagesConfig Default { get; } = new(Phase.PaperTrading);

    public Phase StartPhase { get; }
}
