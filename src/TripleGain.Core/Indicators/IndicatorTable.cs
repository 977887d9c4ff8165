using System.Globalization;
using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Computes the columns of an <see cref="IndicatorSpec"/> over a candle series (streaming: memory does not grow with the
/// series) and writes them as CSV: <c>timestamp</c> (ISO-8601 UTC) then one column per spec output, empty cells while
/// warming up, invariant culture, round-trip ("R") doubles.
/// </summary>
public static class IndicatorTable
{
    public static IEnumerable<IndicatorRow> Compute(IEnumerable<Candle> candles, IndicatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(spec);
        return Rows(candles, spec);
    }

    /// <summary>Writes the header and one row per candle; returns the number of rows written (without the header).</summary>
    public static int WriteCsv(TextWriter writer, IEnumerable<Candle> candles, IndicatorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(candles);
        ArgumentNullException.ThrowIfNull(spec);
        var fillers = spec.CreateFillers();
        var cells = new double?[spec.Columns.Count];
        Span<char> buffer = stackalloc char[64];
        writer.Write("timestamp");
        foreach (var column in spec.Columns)
        {
            writer.Write(',');
            writer.Write(column);
        }

        writer.WriteLine();
        var rows = 0;
        foreach (var candle in candles)
        {
            Fill(fillers, spec, candle, cells);
            candle.Timestamp.TryFormat(buffer, out var written, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            writer.Write(buffer[..written]);
            foreach (var cell in cells)
            {
                writer.Write(',');
                if (cell is { } value)
                {
                    value.TryFormat(buffer, out written, "R", CultureInfo.InvariantCulture);
                    writer.Write(buffer[..written]);
                }
            }

            writer.WriteLine();
            rows++;
        }

        return rows;
    }

    private static IEnumerable<IndicatorRow> Rows(IEnumerable<Candle> candles, IndicatorSpec spec)
    {
        var fillers = spec.CreateFillers();
        foreach (var candle in candles)
        {
            var cells = new double?[spec.Columns.Count];
            Fill(fillers, spec, candle, cells);
            yield return new IndicatorRow(candle.Timestamp, cells);
        }
    }

    private static void Fill(ColumnFiller[] fillers, IndicatorSpec spec, in Candle candle, double?[] cells)
    {
        var offset = 0;
        for (var i = 0; i < fillers.Length; i++)
        {
            var width = spec.Items[i].Columns.Count;
            fillers[i](candle, cells.AsSpan(offset, width));
            offset += width;
        }
    }
}
