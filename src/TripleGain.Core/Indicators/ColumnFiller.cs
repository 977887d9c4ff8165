using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Adds one candle to a spec item's stream and writes that item's output cells.</summary>
internal delegate void ColumnFiller(in Candle candle, Span<double?> cells);
