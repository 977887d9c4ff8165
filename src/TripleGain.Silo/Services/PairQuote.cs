using TripleGain.Core.Market;

namespace TripleGain.Silo.Services;

/// <summary>A pair's last 1-minute close, its change over the last 24 hours (fraction) and the candle's time; null before any candle.</summary>
public sealed record PairQuote(Pair Pair, decimal? Price, double? Change24h, DateTime? At);
