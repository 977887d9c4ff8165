namespace TripleGain.Core.Market;

/// <summary>
/// <see cref="ICandleSource"/> over candle files, one per pair (Kraken OHLCVT or headered CSV, see
/// <see cref="CandleCsv"/>). A file is read, and validated, the first time its pair is asked for. Candles come at the
/// file's own interval: 1-minute files give 1-minute candles.
/// </summary>
public sealed class CsvCandleSource : ICandleSource
{
    private readonly Dictionary<Pair, Lazy<IReadOnlyList<Candle>>> _files;

    public CsvCandleSource(IReadOnlyDictionary<Pair, string> paths, CandleFileFormat format = CandleFileFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("At least one pair's file is needed.", nameof(paths));
        }

        _files = new Dictionary<Pair, Lazy<IReadOnlyList<Candle>>>();
        foreach (var (pair, path) in paths)
        {
            if (string.IsNullOrWhiteSpace(path))
            {
                throw new ArgumentException($"The file of {pair} is empty.", nameof(paths));
            }

            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"Candle file of {pair} not found: {path}", path);
            }

            _files[pair] = new Lazy<IReadOnlyList<Candle>>(() => CandleCsv.Read(path, format), LazyThreadSafetyMode.ExecutionAndPublication);
        }

        Paths = paths.ToDictionary(p => p.Key, p => p.Value);
        Format = format;
        Pairs = CandleSeriesRange.Order(_files.Keys);
    }

    public IReadOnlyList<Pair> Pairs { get; }

    public IReadOnlyDictionary<Pair, string> Paths { get; }

    public CandleFileFormat Format { get; }

    /// <summary>
    /// The pairs' files in <paramref name="directory"/>, named as <c>data generate</c> and <c>data import</c> write them:
    /// <c>BTC-USDT_1m.csv</c> (<see cref="Pair.FileName"/>, then the timeframe label). The finest timeframe present is
    /// taken for each pair; pairs without a file are left out.
    /// </summary>
    public static CsvCandleSource FromDirectory(string directory, CandleFileFormat format = CandleFileFormat.Auto)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Candle directory not found: {directory}");
        }

        var paths = new Dictionary<Pair, string>();
        foreach (var pair in Pair.All)
        {
            foreach (var timeframe in Enum.GetValues<Timeframe>())
            {
                var path = Path.Combine(directory, FileName(pair, timeframe));
                if (File.Exists(path))
                {
                    paths[pair] = path;
                    break;
                }
            }
        }

        if (paths.Count == 0)
        {
            throw new FileNotFoundException(
                $"No candle files in {directory}: expected names like {FileName(Pair.BtcUsdt, Timeframe.M1)} or {FileName(Pair.XrpUsdt, Timeframe.H1)}.");
        }

        return new CsvCandleSource(paths, format);
    }

    /// <summary>"BTC-USDT_1m.csv": the file name of a pair's candles at a timeframe.</summary>
    public static string FileName(Pair pair, Timeframe timeframe) => $"{pair.FileName}_{timeframe.Label()}.csv";

    /// <summary>All candles of <paramref name="pair"/> (reads the file on first use).</summary>
    public IReadOnlyList<Candle> GetAll(Pair pair) =>
        _files.TryGetValue(pair, out var file)
            ? file.Value
            : throw new ArgumentException($"This source serves {string.Join(", ", Pairs)}, not {pair}.", nameof(pair));

    public IEnumerable<Candle> GetCandles(Pair pair, DateTime fromUtc, DateTime toUtc) =>
        CandleSeriesRange.Slice(GetAll(pair), fromUtc, toUtc);

    public IEnumerable<MarketBar> GetBars(DateTime fromUtc, DateTime toUtc) =>
        MarketBar.Merge(Pairs, Pairs.Select(p => GetCandles(p, fromUtc, toUtc)).ToList());
}
