namespace TripleGain.Core.Selection;

/// <summary>
/// Eligibility, evidence and scoring settings of the <see cref="ModelSelector"/>. Defaults: at least 20 closed trades,
/// 30 days of returns, parse success &gt;= 98%, uptime &gt;= 95%; a lead is meaningful when the paired block bootstrap
/// (2,000 resamples, blocks of 5 days, seed 20240301) gives P(better) &gt;= 0.95; the benchmarks are "buy-and-hold"
/// and "baseline".
/// </summary>
public sealed record ModelSelectorSettings
{
    public static ModelSelectorSettings Default { get; } = new();

    public SelectionWeights Weights
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Weights));
            field = value.Total > 0 ? value : throw new ArgumentException("The selection weights sum to 0: at least one must be positive.", nameof(Weights));
        }
    } = SelectionWeights.Default;

    public int MinimumTrades { get; init => field = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumTrades), value, "MinimumTrades must not be negative."); } = 20;

    /// <summary>Minimum days of returns of a candidate, and of the days two compared models share.</summary>
    public int MinimumDays { get; init => field = value >= 2 ? value : throw new ArgumentOutOfRangeException(nameof(MinimumDays), value, "MinimumDays must be at least 2."); } = 30;

    public double MinimumParseSuccess { get; init => field = Fraction(value, nameof(MinimumParseSuccess)); } = 0.98;

    public double MinimumUptime { get; init => field = Fraction(value, nameof(MinimumUptime)); } = 0.95;

    /// <summary>P(better) a lead needs against every other eligible model and each benchmark.</summary>
    public double Confidence { get; init => field = value is >= 0.5 and < 1 ? value : throw new ArgumentOutOfRangeException(nameof(Confidence), value, "Confidence must lie in [0.5, 1)."); } = 0.95;

    public int Resamples { get; init => field = value >= 100 ? value : throw new ArgumentOutOfRangeException(nameof(Resamples), value, "Resamples must be at least 100."); } = 2000;

    /// <summary>Days per block of the circular block bootstrap (1 = the plain bootstrap).</summary>
    public int BlockLength { get; init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(BlockLength), value, "BlockLength must be at least 1."); } = 5;

    public ulong Seed { get; init; } = 20240301;

    /// <summary>Model ids of the benchmarks: ranked and compared against, never named best. Checked in this order.</summary>
    public IReadOnlyList<string> Benchmarks
    {
        get;
        init
        {
            ArgumentNullException.ThrowIfNull(value, nameof(Benchmarks));
            field = value.All(b => !string.IsNullOrWhiteSpace(b)) ? [.. value.Distinct(StringComparer.Ordinal)] : throw new ArgumentException("A benchmark id is blank.", nameof(Benchmarks));
        }
    } = ["buy-and-hold", "baseline"];

    private static double Fraction(double value, string name) =>
        value is >= 0 and <= 1 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} is a fraction in 0..1.");
}
