namespace TripleGain.Core.Stages;

/// <summary>An automated exit criterion: <see cref="Metric"/> compared with <see cref="Threshold"/> (see <see cref="PhaseGates"/>).</summary>
public sealed record GateCriterion(string Id, string Description, GateMetric Metric, GateComparison Comparison, double Threshold)
{
    /// <summary>"sharpe >= 1.00".</summary>
    public override string ToString() =>
        $"{Id} {(Comparison == GateComparison.AtLeast ? ">=" : "<=")} {GateValueFormat.Format(Metric, Threshold)}";
}
