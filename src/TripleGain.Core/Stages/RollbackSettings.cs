namespace TripleGain.Core.Stages;

/// <summary>The thresholds of <see cref="RollbackRules"/> (the seed's: 10% drawdown, 15% at full capital, 3 losing weeks).</summary>
public sealed record RollbackSettings
{
    public static RollbackSettings Default { get; } = new();

    /// <summary>Drawdown from the stage's peak (fraction) that rolls back one stage, or pauses at $100.</summary>
    public decimal StageDrawdownLimit
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(StageDrawdownLimit), value, "StageDrawdownLimit is a fraction in (0, 1).");
    } = 0.10m;

    /// <summary>Drawdown from the peak at full capital ($2,100) that halves to $1,000.</summary>
    public decimal FullCapitalDrawdownLimit
    {
        get;
        init => field = value is > 0 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(FullCapitalDrawdownLimit), value, "FullCapitalDrawdownLimit is a fraction in (0, 1).");
    } = 0.15m;

    /// <summary>Consecutive completed losing ISO weeks that pause trading.</summary>
    public int LosingWeeksToPause
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(LosingWeeksToPause), value, "LosingWeeksToPause must be at least 1.");
    } = 3;
}
