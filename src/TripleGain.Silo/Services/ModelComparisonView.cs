namespace TripleGain.Silo.Services;

/// <summary>
/// The models page: every model and the two benchmarks, the selector's current best (or null) and why, and in
/// single-account mode the model trading that account (null in the paper comparison, where every model trades).
/// </summary>
public sealed record ModelComparisonView(IReadOnlyList<ModelRow> Rows, string? Best, string Reason, TradingModelView? Trading = null);
