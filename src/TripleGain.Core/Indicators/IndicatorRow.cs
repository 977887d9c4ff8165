namespace TripleGain.Core.Indicators;

/// <summary>One row of an indicator table: the candle's timestamp and one value per spec column (null while warming up).</summary>
public sealed record IndicatorRow(DateTime Timestamp, IReadOnlyList<double?> Values);
