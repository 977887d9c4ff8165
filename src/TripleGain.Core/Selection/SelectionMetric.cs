using System.Text.Json.Serialization;

namespace TripleGain.Core.Selection;

/// <summary>The phase-2 metrics the <see cref="ModelSelector"/> scores (weights in <see cref="SelectionWeights"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SelectionMetric>))]
public enum SelectionMetric
{
    /// <summary>Annualised Sharpe ratio of the paper account; higher is better.</summary>
    Sharpe = 1,

    /// <summary>Max drawdown depth; lower is better.</summary>
    MaxDrawdown = 2,

    /// <summary>Win rate; higher is better.</summary>
    WinRate = 3,

    /// <summary>Profit factor (unbounded = best); higher is better.</summary>
    ProfitFactor = 4,

    /// <summary>Uptime of the model (answers within its timeout); higher is better.</summary>
    Uptime = 5,

    /// <summary>Decision latency p95; lower is better.</summary>
    LatencyP95 = 6,

    /// <summary>Parse success rate; higher is better.</summary>
    ParseSuccess = 7,

    /// <summary>Provider cost over the period; lower is better.</summary>
    Cost = 8,
}
