namespace TripleGain.Core.Metrics;

/// <summary>
/// The account's total equity in USD at one instant (UTC). An equity curve is a list of these in time order, at any
/// frequency (every candle, every cycle, once a day); the first point is the starting equity.
/// </summary>
public readonly record struct EquityPoint(DateTime Timestamp, decimal Equity);
