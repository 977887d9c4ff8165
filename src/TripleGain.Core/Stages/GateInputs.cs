using System.Globalization;
using TripleGain.Core.Metrics;

namespace TripleGain.Core.Stages;

/// <summary>
/// The figures the silo measures for a gate; null = not measured yet (the criterion is then
/// <see cref="GateCheckStatus.Unknown"/>). Fractions are 0..1. For the paper -> micro-live gate the performance figures
/// (<see cref="TradeCount"/> to <see cref="ProfitFactor"/>) are the best model's paper account; for the live gates they
/// are the live account's since the capital stage began (<see cref="StageStatus.StageStartedAt"/>).
/// <see cref="WithPerformance"/> copies them from a <see cref="PerformanceReport"/>.
/// </summary>
public sealed record GateInputs
{
    /// <summary>Nothing measured.</summary>
    public static GateInputs None { get; } = new();

    /// <summary>Days of paper trading (<see cref="StageStatus.DaysInPhase"/> in phase 2).</summary>
    public double? PaperTradingDays { get; init; }

    /// <summary>Days at the current capital stage (<see cref="StageStatus.DaysAtStage"/>).</summary>
    public double? DaysAtStage { get; init; }

    /// <summary>Closed trades.</summary>
    public int? TradeCount { get; init; }

    /// <summary>Annualised Sharpe ratio of the daily returns.</summary>
    public double? Sharpe { get; init; }

    /// <summary>Max drawdown as a positive fraction (0 without a drawdown).</summary>
    public double? MaxDrawdown { get; init; }

    /// <summary>Winning trades / all trades.</summary>
    public double? WinRate { get; init; }

    /// <summary>Gross profit / gross loss; null without losing trades (see <see cref="ProfitFactorUnbounded"/>).</summary>
    public double? ProfitFactor { get; init; }

    /// <summary>Winning trades and no losing trade: the profit factor is +infinity and passes any "at least" threshold.</summary>
    public bool ProfitFactorUnbounded { get; init; }

    /// <summary>Share of the period the silo and its cycle were up.</summary>
    public double? Uptime { get; init; }

    /// <summary>95th percentile of the decision latency.</summary>
    public TimeSpan? DecisionLatencyP95 { get; init; }

    /// <summary>Share of model outputs that parsed into a valid decision.</summary>
    public double? ParseSuccessRate { get; init; }

    /// <summary>Live profit and loss in USD.</summary>
    public decimal? LivePnlUsd { get; init; }

    /// <summary>Average slippage of live fills against the decision price, a fraction (0.001 = 0.1%); negative = price improvement.</summary>
    public double? AverageSlippage { get; init; }

    /// <summary>Filled live orders / submitted live orders.</summary>
    public double? FillRate { get; init; }

    /// <summary>A copy with the trade count, Sharpe, max drawdown, win rate and profit factor of <paramref name="report"/>.</summary>
    public GateInputs WithPerformance(PerformanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return this with
        {
            TradeCount = report.TradeCount,
            Sharpe = report.Sharpe,
            MaxDrawdown = report.MaxDrawdownDepth,
            WinRate = report.WinRate,
            ProfitFactor = report.ProfitFactor,
            ProfitFactorUnbounded = report.ProfitFactorUnbounded,
        };
    }

    /// <summary>The value a criterion on <paramref name="metric"/> compares (latency in seconds); null when missing.</summary>
    public double? ValueOf(GateMetric metric) => metric switch
    {
        GateMetric.PaperTradingDays => PaperTradingDays,
        GateMetric.DaysAtStage => DaysAtStage,
        GateMetric.TradeCount => TradeCount,
        GateMetric.Sharpe => Sharpe,
        GateMetric.MaxDrawdown => MaxDrawdown,
        GateMetric.WinRate => WinRate,
        GateMetric.ProfitFactor => ProfitFactor,
        GateMetric.Uptime => Uptime,
        GateMetric.DecisionLatencyP95Seconds => DecisionLatencyP95?.TotalSeconds,
        GateMetric.ParseSuccessRate => ParseSuccessRate,
        GateMetric.LivePnlUsd => (double?)LivePnlUsd,
        GateMetric.AverageSlippage => AverageSlippage,
        GateMetric.FillRate => FillRate,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "Unknown gate metric."),
    };

    /// <summary>Throws an <see cref="ArgumentException"/> naming the first figure that is not a number, negative where it cannot be, or a fraction outside 0..1.</summary>
    public void Validate()
    {
        NonNegative(PaperTradingDays, nameof(PaperTradingDays));
        NonNegative(DaysAtStage, nameof(DaysAtStage));
        NonNegative(TradeCount, nameof(TradeCount));
        Finite(Sharpe, nameof(Sharpe));
        Fraction(MaxDrawdown, nameof(MaxDrawdown));
        Fraction(WinRate, nameof(WinRate));
        NonNegative(ProfitFactor, nameof(ProfitFactor));
        Fraction(Uptime, nameof(Uptime));
        NonNegative(DecisionLatencyP95?.TotalSeconds, nameof(DecisionLatencyP95));
        Fraction(ParseSuccessRate, nameof(ParseSuccessRate));
        Finite(AverageSlippage, nameof(AverageSlippage));
        Fraction(FillRate, nameof(FillRate));
        if (ProfitFactorUnbounded && ProfitFactor is not null)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"ProfitFactor is {ProfitFactor} while ProfitFactorUnbounded is true: an unbounded profit factor has no value."),
                nameof(ProfitFactor));
        }
    }

    private static void Finite(double? value, string name)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {v}: it must be a finite number."), name);
        }
    }

    private static void NonNegative(double? value, string name)
    {
        Finite(value, name);
        if (value < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {value}: it must not be negative."), name);
        }
    }

    private static void Fraction(double? value, string name)
    {
        Finite(value, name);
        if (value is < 0 or > 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{name} is {value}: it is a fraction and must lie in 0..1."), name);
        }
    }
}
