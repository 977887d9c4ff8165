using TripleGain.Core.Metrics;

namespace TripleGain.Silo.Services;

/// <summary>
/// One account (e.g. "paper:baseline") as journalled: the latest equity in USD, the equity of its first snapshot, the P&amp;L
/// between the two, the current drawdown below the curve's peak (fraction) and the equity curve (at most <see cref="TradingOverview.CurvePoints"/>
/// points). Null values: no equity snapshot yet.
/// </summary>
public sealed record AccountSummary(
    string AccountId,
    string ModelId,
    decimal? Equity,
    decimal? StartEquity,
    decimal? PnlUsd,
    double? PnlPct,
    decimal? Drawdown,
    DateTime? At,
    IReadOnlyList<EquityPoint> Curve);
