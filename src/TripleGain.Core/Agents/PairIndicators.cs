using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// One pair's part of a <see cref="TechnicalInput"/>: the close of the last 1-minute candle, that candle's open time,
/// and the latest indicator values of each timeframe that has completed at least one candle (in the tracker's order).
/// </summary>
public sealed record PairIndicators(Pair Pair, DateTime Timestamp, decimal LastPrice, IReadOnlyList<TimeframeIndicators> Timeframes);
