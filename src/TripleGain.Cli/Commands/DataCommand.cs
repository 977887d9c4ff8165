using System.CommandLine;
using System.Globalization;
using TripleGain.Core.Market;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The <c>data</c> verb: <c>generate</c> simulated 1-minute candles, <c>import</c> (validate and normalize) a candle
/// file, <c>export</c> a candle file aggregated to a coarser timeframe. Errors are one line on stderr and exit code 1.
/// </summary>
public static class DataCommand
{
    private const string DefaultPairs = "BTC/USDT,XRP/USDT,XRP/BTC";
    private const int MaxGapsListed = 10;

    public static Command Create()
    {
        var command = new Command("data", "Market data: generate simulated candles, import and validate candle files, export aggregated candles.");
        command.Subcommands.Add(CreateGenerate());
        command.Subcommands.Add(CreateImport());
        command.Subcommands.Add(CreateExport());
        return command;
    }

    private static Command CreateGenerate()
    {
        var pairs = new Option<string>("--pairs") { Description = "Comma-separated pairs to write.", DefaultValueFactory = _ => DefaultPairs };
        var from = new Option<string>("--from") { Description = "First candle's open time, UTC (e.g. 2025-01-01 or 2025-01-01T12:00Z). Seed and from determine the candles.", Required = true };
        var to = new Option<string>("--to") { Description = "End time, UTC, exclusive.", Required = true };
        var seed = new Option<long>("--seed") { Description = "Random seed: the same seed and --from give the same candles on every machine.", DefaultValueFactory = _ => 42 };
        var output = new Option<string>("--out") { Description = "Directory for the files (created if missing): one per pair, e.g. BTC-USDT_1m.csv.", Required = true };
        var format = FormatOption("--format", "File format of the output.", "csv");
        var btcPrice = new Option<decimal?>("--btc-price") { Description = "BTC/USDT start price (default 60000)." };
        var xrpPrice = new Option<decimal?>("--xrp-price") { Description = "XRP/USDT start price (default 0.55)." };
        var command = new Command("generate", "Write deterministic simulated 1-minute candles (BTC/USDT, XRP/USDT and the derived XRP/BTC).")
        {
            pairs, from, to, seed, output, format, btcPrice, xrpPrice,
        };
        command.SetAction(parseResult => Run(parseResult, "data generate", (stdout) =>
        {
            var selected = ParsePairs(parseResult.GetValue(pairs)!);
            var start = ParseTime(parseResult.GetValue(from)!, "--from");
            var end = ParseTime(parseResult.GetValue(to)!, "--to");
            if (end <= start)
            {
                throw new ArgumentException($"--to {Iso(end)} must be after --from {Iso(start)}.");
            }

            var fileFormat = ParseFormat(parseResult.GetValue(format)!, allowAuto: false);
            var defaults = new SimulatedMarketOptions();
            var options = defaults with
            {
                Seed = parseResult.GetValue(seed),
                Start = start,
                BtcUsdtStartPrice = parseResult.GetValue(btcPrice) ?? defaults.BtcUsdtStartPrice,
                XrpUsdtStartPrice = parseResult.GetValue(xrpPrice) ?? defaults.XrpUsdtStartPrice,
            };
            var source = new SimulatedCandleSource(options, selected);
            var directory = parseResult.GetValue(output)!;
            Directory.CreateDirectory(directory);
            foreach (var pair in source.Pairs)
            {
                var path = Path.Combine(directory, CsvCandleSource.FileName(pair, Timeframe.M1));
                var tally = new Tally();
                CandleCsv.Write(path, tally.Count(source.GetCandles(pair, start, end)), fileFormat);
                stdout.WriteLine($"{pair}: {tally.Rows} candles {Iso(tally.First)} .. {Iso(tally.Last)} -> {path}");
            }

            return 0;
        }));
        return command;
    }

    private static Command CreateImport()
    {
        var input = new Option<string>("--input") { Description = "Candle file to import.", Required = true };
        var format = FormatOption("--format", "Format of the input: auto (a header means csv), kraken (OHLCVT, no header) or csv.", "auto");
        var pair = new Option<string>("--pair") { Description = "The pair the file holds, e.g. BTC/USDT.", Required = true };
        var output = new Option<string>("--out") { Description = "Directory for the normalized csv (created if missing), named e.g. BTC-USDT_1h.csv.", Required = true };
        var command = new Command("import", "Validate a candle file, report rows, first/last and gaps, and write it as normalized csv.")
        {
            input, format, pair, output,
        };
        command.SetAction(parseResult => Run(parseResult, "data import", (stdout) =>
        {
            var thePair = Pair.Parse(parseResult.GetValue(pair)!);
            var inputFormat = ParseFormat(parseResult.GetValue(format)!, allowAuto: true);
            var path = parseResult.GetValue(input)!;
            var candles = CandleCsv.Read(path, inputFormat);
            var interval = CandleGaps.InferInterval(candles);
            var label = interval is { } known ? IntervalLabel(known) : "1m";
            stdout.WriteLine($"{thePair}: {candles.Count} candles at {(interval is null ? "an unknown interval (one candle)" : label)}, {Iso(candles[0].Timestamp)} .. {Iso(candles[^1].Timestamp)}");
            if (interval is { } step)
            {
                var gaps = CandleGaps.Find(candles, step);
                stdout.WriteLine($"gaps: {gaps.Count} ({gaps.Sum(g => g.MissingCount)} missing candles{(gaps.Count > 0 ? $", largest {gaps.Max(g => g.MissingCount)}" : string.Empty)})");
                foreach (var gap in gaps.Take(MaxGapsListed))
                {
                    stdout.WriteLine($"  gap {gap}");
                }

                if (gaps.Count > MaxGapsListed)
                {
                    stdout.WriteLine($"  ... and {gaps.Count - MaxGapsListed} more");
                }
            }

            var directory = parseResult.GetValue(output)!;
            Directory.CreateDirectory(directory);
            var target = Path.Combine(directory, $"{thePair.FileName}_{label}.csv");
            if (Path.GetFullPath(target) == Path.GetFullPath(path))
            {
                throw new ArgumentException($"--out would overwrite the input {path}; choose another directory.");
            }

            CandleCsv.Write(target, candles, CandleFileFormat.Csv);
            stdout.WriteLine($"wrote {target}");
            return 0;
        }));
        return command;
    }

    private static Command CreateExport()
    {
        var input = new Option<string>("--input") { Description = "Candle file (1-minute or any interval finer than --timeframe).", Required = true };
        var inputFormat = FormatOption("--input-format", "Format of the input: auto, kraken or csv.", "auto");
        var timeframe = new Option<string>("--timeframe") { Description = "Target timeframe: 1m, 5m, 15m, 1h, 4h or 1d (buckets by UTC open time).", Required = true };
        var output = new Option<string>("--out") { Description = "Output file.", Required = true };
        var format = FormatOption("--format", "Format of the output: csv or kraken.", "csv");
        var command = new Command("export", "Aggregate a candle file to a coarser timeframe and write it.")
        {
            input, inputFormat, timeframe, output, format,
        };
        command.SetAction(parseResult => Run(parseResult, "data export", (stdout) =>
        {
            var target = TimeframeExtensions.ParseTimeframe(parseResult.GetValue(timeframe)!);
            var readFormat = ParseFormat(parseResult.GetValue(inputFormat)!, allowAuto: true);
            var writeFormat = ParseFormat(parseResult.GetValue(format)!, allowAuto: false);
            var path = parseResult.GetValue(input)!;
            var outPath = parseResult.GetValue(output)!;
            if (Path.GetFullPath(outPath) == Path.GetFullPath(path))
            {
                throw new ArgumentException($"--out {outPath} is the input file; choose another path.");
            }

            var candles = CandleCsv.Read(path, readFormat);
            var interval = CandleGaps.InferInterval(candles);
            if (interval is { } step && step > target.Duration())
            {
                throw new ArgumentException($"{path} holds {IntervalLabel(step)} candles; they cannot be split into {target.Label()} bars (choose a timeframe of at least {IntervalLabel(step)}).");
            }

            var bars = candles.Aggregate(target);
            var directory = Path.GetDirectoryName(Path.GetFullPath(outPath));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            CandleCsv.Write(outPath, bars, writeFormat);
            stdout.WriteLine($"wrote {bars.Count} {target.Label()} candles ({Iso(bars[0].Timestamp)} .. {Iso(bars[^1].Timestamp)}) from {candles.Count} {(interval is { } i ? IntervalLabel(i) : "input")} candles to {outPath}");
            return 0;
        }));
        return command;
    }

    private static int Run(ParseResult parseResult, string verb, Func<TextWriter, int> body)
    {
        var configuration = parseResult.InvocationConfiguration;
        try
        {
            return body(configuration.Output);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // CandleFormatException is a FormatException; its message is "file:line: reason"
            configuration.Error.WriteLine($"{verb}: {OneLine(ex.Message)}");
            return 1;
        }
    }

    private static Option<string> FormatOption(string name, string description, string defaultValue)
    {
        var option = new Option<string>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        return option;
    }

    private static CandleFileFormat ParseFormat(string text, bool allowAuto) => text.Trim().ToLowerInvariant() switch
    {
        "csv" => CandleFileFormat.Csv,
        "kraken" => CandleFileFormat.Kraken,
        "auto" when allowAuto => CandleFileFormat.Auto,
        _ => throw new FormatException($"Unknown format '{text}'. Use {(allowAuto ? "auto, " : string.Empty)}kraken or csv."),
    };

    private static IReadOnlyList<Pair> ParsePairs(string text)
    {
        var pairs = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Pair.Parse).Distinct().ToList();
        return pairs.Count > 0 ? pairs : throw new FormatException($"--pairs '{text}' names no pair. Known pairs: {string.Join(", ", Pair.All)}.");
    }

    private static DateTime ParseTime(string text, string name)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            throw new FormatException($"{name} '{text}' is not a date; use ISO-8601 such as 2025-01-01 or 2025-01-01T12:00Z.");
        }

        time = DateTime.SpecifyKind(time, DateTimeKind.Utc);
        if (time.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new FormatException($"{name} {text} must be a whole minute.");
        }

        return time;
    }

    private static string IntervalLabel(TimeSpan interval) =>
        CandleGaps.ToTimeframe(interval) is { } timeframe
            ? timeframe.Label()
            : interval.TotalMinutes >= 1 && interval.Ticks % TimeSpan.TicksPerMinute == 0
                ? $"{(long)interval.TotalMinutes}m"
                : $"{(long)interval.TotalSeconds}s";

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");

    /// <summary>Counts the candles that stream through, remembering the first and last open times.</summary>
    private sealed class Tally
    {
        public int Rows { get; private set; }

        public DateTime First { get; private set; }

        public DateTime Last { get; private set; }

        public IEnumerable<Candle> Count(IEnumerable<Candle> candles)
        {
            foreach (var candle in candles)
            {
                if (Rows == 0)
                {
                    First = candle.Timestamp;
                }

                Rows++;
                Last = candle.Timestamp;
                yield return candle;
            }
        }
    }
}
