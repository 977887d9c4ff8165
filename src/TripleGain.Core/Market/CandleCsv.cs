using System.Globalization;

namespace TripleGain.Core.Market;

/// <summary>
/// Reads and writes candle files: Kraken's OHLCVT (no header, Unix seconds) and a headered CSV
/// (<c>timestamp,open,high,low,close,volume[,trades]</c>, ISO-8601 or Unix seconds; a column named <c>date</c> or
/// <c>timestamp_utc</c> is accepted for the timestamp). Rows must be in strictly increasing time.
/// A bad file throws <see cref="CandleFormatException"/> with the file, the line and the reason: a wrong number of
/// fields (Kraken: 7, or 6 without trades; csv: as many as the header), a value that is not a number, a price that is
/// not positive, a negative volume or trade count, high below low/open/close or low above open/close, a duplicate or
/// earlier timestamp, a header in a Kraken file or none in a csv file, and a file without candles ("no candles").
/// Blank lines are skipped. The writer uses '.' decimals and ISO-8601 UTC (csv) or Unix seconds (kraken).
/// </summary>
public static class CandleCsv
{
    public static IReadOnlyList<Candle> Read(string path, CandleFileFormat format = CandleFileFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Candle file not found: {path}", path);
        }

        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path, format);
    }

    public static IReadOnlyList<Candle> Read(TextReader reader, string sourceName, CandleFileFormat format = CandleFileFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(reader);
        sourceName ??= "(candles)";
        var candles = new List<Candle>();
        var lineNumber = 0;
        var previousLine = 0;
        var columns = new Columns(Timestamp: 0, Open: 1, High: 2, Low: 3, Close: 4, Volume: 5, Trades: 6, Count: 0);
        var headerSeen = false;
        var firstContent = true;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            var text = line.Trim().TrimStart('\uFEFF').Trim();
            if (text.Length == 0)
            {
                continue;
            }

            var fields = text.Split(',');
            if (firstContent)
            {
                firstContent = false;
                var first = fields[0].Trim().Trim('"');
                var looksLikeHeader = first.Length > 0 && char.IsLetter(first[0]);
                if (format == CandleFileFormat.Auto)
                {
                    format = looksLikeHeader ? CandleFileFormat.Csv : CandleFileFormat.Kraken;
                }

                if (format == CandleFileFormat.Csv)
                {
                    if (!looksLikeHeader)
                    {
                        throw new CandleFormatException(sourceName, lineNumber,
                            "expected a header such as 'timestamp,open,high,low,close,volume' (a Kraken OHLCVT file has none: use the kraken format)");
                    }

                    columns = ParseHeader(fields, sourceName, lineNumber);
                    headerSeen = true;
                    continue;
                }

                if (looksLikeHeader)
                {
                    throw new CandleFormatException(sourceName, lineNumber,
                        $"Kraken OHLCVT files have no header, but the first line starts with '{first}'; use the csv format for headered files");
                }
            }

            var candle = ParseRow(fields, columns, format, sourceName, lineNumber);
            if (candles.Count > 0)
            {
                var previous = candles[^1].Timestamp;
                if (candle.Timestamp == previous)
                {
                    throw new CandleFormatException(sourceName, lineNumber,
                        $"duplicate timestamp {Iso(candle.Timestamp)} (also on line {previousLine})");
                }

                if (candle.Timestamp < previous)
                {
                    throw new CandleFormatException(sourceName, lineNumber,
                        $"timestamp {Iso(candle.Timestamp)} is before {Iso(previous)} on line {previousLine}; rows must be in increasing time");
                }
            }

            candles.Add(candle);
            previousLine = lineNumber;
        }

        if (candles.Count == 0)
        {
            throw new CandleFormatException(sourceName, Math.Max(1, lineNumber),
                headerSeen ? "no candles: the file has a header but no rows" : "no candles: the file is empty");
        }

        return candles;
    }

    /// <summary>Writes <paramref name="candles"/> to the file <paramref name="path"/> (replacing it) in <paramref name="format"/>.</summary>
    public static void Write(string path, IEnumerable<Candle> candles, CandleFileFormat format = CandleFileFormat.Csv)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var writer = new StreamWriter(path, append: false);
        writer.NewLine = "\n";
        Write(writer, candles, format);
    }

    public static void Write(TextWriter writer, IEnumerable<Candle> candles, CandleFileFormat format = CandleFileFormat.Csv)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(candles);
        var inv = CultureInfo.InvariantCulture;
        if (format != CandleFileFormat.Kraken)
        {
            writer.WriteLine("timestamp,open,high,low,close,volume,trades");
        }

        foreach (var c in candles)
        {
            var time = format == CandleFileFormat.Kraken
                ? new DateTimeOffset(c.Timestamp, TimeSpan.Zero).ToUnixTimeSeconds().ToString(inv)
                : c.Timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", inv);
            writer.Write(time);
            writer.Write(',');
            writer.Write(c.Open.ToString(inv));
            writer.Write(',');
            writer.Write(c.High.ToString(inv));
            writer.Write(',');
            writer.Write(c.Low.ToString(inv));
            writer.Write(',');
            writer.Write(c.Close.ToString(inv));
            writer.Write(',');
            writer.Write(c.Volume.ToString(inv));
            writer.Write(',');
            writer.WriteLine(c.Trades.ToString(inv));
        }
    }

    private static Columns ParseHeader(string[] fields, string source, int line)
    {
        var names = fields.Select(f => f.Trim().Trim('"').Trim().ToLowerInvariant()).ToArray();
        int Find(params string[] candidates)
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (candidates.Contains(names[i]))
                {
                    return i;
                }
            }

            return -1;
        }

        var result = new Columns(
            Timestamp: Find("timestamp", "timestamp_utc", "date", "time", "datetime", "open_time"),
            Open: Find("open"),
            High: Find("high"),
            Low: Find("low"),
            Close: Find("close"),
            Volume: Find("volume"),
            Trades: Find("trades", "count"),
            Count: fields.Length);
        var missing = new List<string>();
        if (result.Timestamp < 0)
        {
            missing.Add("timestamp");
        }

        foreach (var (index, name) in new[] { (result.Open, "open"), (result.High, "high"), (result.Low, "low"), (result.Close, "close"), (result.Volume, "volume") })
        {
            if (index < 0)
            {
                missing.Add(name);
            }
        }

        if (missing.Count > 0)
        {
            throw new CandleFormatException(source, line,
                $"header '{string.Join(',', fields)}' lacks the column(s) {string.Join(", ", missing)}; expected timestamp,open,high,low,close,volume[,trades]");
        }

        return result;
    }

    private static Candle ParseRow(string[] fields, Columns columns, CandleFileFormat format, string source, int line)
    {
        if (format == CandleFileFormat.Kraken)
        {
            if (fields.Length is not (6 or 7))
            {
                throw new CandleFormatException(source, line,
                    $"expected 7 fields (timestamp,open,high,low,close,volume,trades), found {fields.Length}");
            }
        }
        else if (fields.Length != columns.Count)
        {
            throw new CandleFormatException(source, line, $"expected {columns.Count} fields as in the header, found {fields.Length}");
        }

        var timestamp = ParseTimestamp(fields[columns.Timestamp].Trim(), format, source, line);
        var open = ParsePrice(fields[columns.Open], "open", source, line);
        var high = ParsePrice(fields[columns.High], "high", source, line);
        var low = ParsePrice(fields[columns.Low], "low", source, line);
        var close = ParsePrice(fields[columns.Close], "close", source, line);
        var volume = ParseDecimal(fields[columns.Volume], "volume", source, line);
        if (volume < 0)
        {
            throw new CandleFormatException(source, line, $"volume {volume} is negative");
        }

        if (high < low)
        {
            throw new CandleFormatException(source, line, $"high {high} is below low {low}");
        }

        if (high < Math.Max(open, close))
        {
            throw new CandleFormatException(source, line, $"high {high} is below the open {open} or close {close}");
        }

        if (low > Math.Min(open, close))
        {
            throw new CandleFormatException(source, line, $"low {low} is above the open {open} or close {close}");
        }

        var trades = 0;
        if (columns.Trades >= 0 && columns.Trades < fields.Length && fields[columns.Trades].Trim().Length > 0)
        {
            var text = fields[columns.Trades].Trim();
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out trades))
            {
                throw new CandleFormatException(source, line, $"trades '{text}' is not a whole number");
            }

            if (trades < 0)
            {
                throw new CandleFormatException(source, line, $"trades {trades} is negative");
            }
        }

        return new Candle(timestamp, open, high, low, close, volume, trades);
    }

    private static DateTime ParseTimestamp(string text, CandleFileFormat format, string source, int line)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            if (seconds < 0 || seconds > 253402300799)
            {
                var hint = seconds > 100_000_000_000 ? " (milliseconds? the files hold Unix seconds)" : string.Empty;
                throw new CandleFormatException(source, line, $"timestamp {seconds} is out of range for Unix seconds{hint}");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime;
        }

        if (format == CandleFileFormat.Kraken)
        {
            throw new CandleFormatException(source, line, $"timestamp '{text}' is not Unix seconds");
        }

        if (DateTime.TryParse(text, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        }

        throw new CandleFormatException(source, line, $"timestamp '{text}' is neither ISO-8601 nor Unix seconds");
    }

    private static decimal ParsePrice(string text, string name, string source, int line)
    {
        var value = ParseDecimal(text, name, source, line);
        return value > 0 ? value : throw new CandleFormatException(source, line, $"{name} {value} must be positive");
    }

    private static decimal ParseDecimal(string text, string name, string source, int line)
    {
        var trimmed = text.Trim();
        if (decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        throw new CandleFormatException(source, line, $"{name} '{trimmed}' is not a number");
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private readonly record struct Columns(int Timestamp, int Open, int High, int Low, int Close, int Volume, int Trades, int Count);
}
