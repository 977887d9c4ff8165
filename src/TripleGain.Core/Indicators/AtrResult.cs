namespace TripleGain.Core.Indicators;

/// <summary>True range, Wilder's average true range and ATR as percent of close at one candle (null while warming up).</summary>
public sealed record AtrResult(DateTime Timestamp, double? Tr, double? Atr, double? Atrp);
