namespace TripleGain.Core.Stages;

/// <summary>
/// One automated criterion checked: its live <see cref="Value"/> (null when missing, or when the profit factor is
/// unbounded), the <see cref="Status"/>, and <see cref="Detail"/> for the operator ("Sharpe 1.23 >= 1.00: pass").
/// </summary>
public sealed record CriterionResult(GateCriterion Criterion, double? Value, GateCheckStatus Status, string Detail);
