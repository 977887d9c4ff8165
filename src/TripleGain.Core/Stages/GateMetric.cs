using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// A figure that an automated <see cref="GateCriterion"/> checks, read from <see cref="GateInputs"/>. Fractions are
/// 0..1 (0.99 = 99 %), latency in seconds, P&amp;L in USD.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<GateMetric>))]
public enum GateMetric
{
    /// <summary><see cref="GateInputs.PaperTradingDays"/>.</summary>
    PaperTradingDays = 1,

    /// <summary><see cref="GateInputs.DaysAtStage"/>.</summary>
    DaysAtStage = 2,

    /// <summary><see cref="GateInputs.TradeCount"/>.</summary>
    TradeCount = 3,

    /// <summary><see cref="GateInputs.Sharpe"/>.</summary>
    Sharpe = 4,

    /// <summary><see cref="GateInputs.MaxDrawdown"/> (positive fraction).</summary>
    MaxDrawdown = 5,

    /// <summary><see cref="GateInputs.WinRate"/>.</summary>
    WinRate = 6,

    /// <summary><see cref="GateInputs.ProfitFactor"/> (or <see cref="GateInputs.ProfitFactorUnbounded"/>).</summary>
    ProfitFactor = 7,

    /// <summary><see cref="GateInputs.Uptime"/>.</summary>
    Uptime = 8,

    /// <summary><see cref="GateInputs.DecisionLatencyP95"/> in seconds.</summary>
    DecisionLatencyP95Seconds = 9,

    /// <summary><see cref="GateInputs.ParseSuccessRate"/>.</summary>
    ParseSuccessRate = 10,

    /// <summary><see cref="GateInputs.LivePnlUsd"/>.</summary>
    LivePnlUsd = 11,

    /// <summary><see cref="GateInputs.AverageSlippage"/>.</summary>
    AverageSlippage = 12,

    /// <summary><see cref="GateInputs.FillRate"/>.</summary>
    FillRate = 13,
}
