namespace TripleGain.Silo.Services;

/// <summary>Something the operator should see on the overview (a failing cycle, the emergency stop, pending approvals, a rollback).</summary>
public sealed record OperatorAlert(AlertLevel Level, string Message);
