using System.Globalization;

namespace TripleGain.Core.Indicators;

/// <summary>
/// A list of indicators to compute, written like <c>ema:9,rsi:14,macd:12:26:9,bb:20:2,obv,vwap</c> (the <c>indicators</c>
/// CLI verb's <c>--spec</c>). Items are <c>name[:parameter...]</c>; omitted trailing parameters take their defaults.
/// Columns are named after the item (<c>ema_9</c>, <c>bb_upper_20_2</c>, ...). VWAP is the session (UTC-day) VWAP.
/// A bad spec throws <see cref="FormatException"/> naming the item, the value and the rule.
/// </summary>
public sealed class IndicatorSpec
{
    /// <summary>The technical agent's set: EMA 9/21/50, RSI 14, MACD 12/26/9, ROC 12, ADX 14, ATR 14, BB 20/2, Keltner 20/2/10, OBV, VWAP, volume ratio 20.</summary>
    public const string Default = "ema:9,ema:21,ema:50,rsi:14,macd:12:26:9,roc:12,adx:14,atr:14,bb:20:2,kc:20:2:10,obv,vwap,vma:20";

    private static readonly Definition[] Definitions =
    [
        new("ema", "period", [new("period", 20, true)]),
        new("sma", "period", [new("period", 20, true)]),
        new("rsi", "period", [new("period", 14, true)]),
        new("macd", "fast, slow, signal", [new("fast", 12, true), new("slow", 26, true), new("signal", 9, true)]),
        new("roc", "period", [new("period", 12, true)]),
        new("adx", "period", [new("period", 14, true)]),
        new("atr", "period", [new("period", 14, true)]),
        new("bb", "period, standard deviations", [new("period", 20, true), new("standard deviations", 2, false)]),
        new("kc", "EMA period, multiplier, ATR period", [new("EMA period", 20, true), new("multiplier", 2, false), new("ATR period", 10, true)]),
        new("obv", "none", []),
        new("vwap", "none", []),
        new("vma", "period", [new("period", 20, true)]),
    ];

    private IndicatorSpec(IReadOnlyList<IndicatorSpecItem> items)
    {
        Items = items;
        var columns = new List<string>();
        foreach (var item in items)
        {
            columns.AddRange(item.Columns);
        }

        Columns = columns;
    }

    /// <summary>The indicator names a spec may use.</summary>
    public static IReadOnlyList<string> KnownIndicators { get; } = Array.ConvertAll(Definitions, d => d.Name);

    public IReadOnlyList<IndicatorSpecItem> Items { get; }

    /// <summary>All output columns in order (without the timestamp).</summary>
    public IReadOnlyList<string> Columns { get; }

    public static IndicatorSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException($"indicator spec is empty; give items like '{Default}'.");
        }

        var raw = text.Split(',');
        var items = new List<IndicatorSpecItem>(raw.Length);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < raw.Length; i++)
        {
            var itemText = raw[i].Trim();
            if (itemText.Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                    $"indicator spec item {i + 1} is empty (in '{text}'); items are separated by single commas."));
            }

            var item = ParseItem(itemText);
            foreach (var column in item.Columns)
            {
                if (!seen.Add(column))
                {
                    throw new FormatException($"spec item '{itemText}': column '{column}' is already in the spec.");
                }
            }

            items.Add(item);
        }

        return new IndicatorSpec(items);
    }

    internal ColumnFiller[] CreateFillers()
    {
        var fillers = new ColumnFiller[Items.Count];
        for (var i = 0; i < fillers.Length; i++)
        {
            fillers[i] = Items[i].CreateFiller();
        }

        return fillers;
    }

    private static IndicatorSpecItem ParseItem(string itemText)
    {
        var parts = itemText.Split(':');
        var name = parts[0].Trim().ToLowerInvariant();
        var definition = Array.Find(Definitions, d => d.Name == name)
            ?? throw new FormatException($"spec item '{itemText}': unknown indicator '{parts[0].Trim()}'; known: {string.Join(", ", KnownIndicators)}.");
        var given = parts.Length - 1;
        if (given > definition.Parameters.Length)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                $"spec item '{itemText}': {name} takes at most {definition.Parameters.Length} parameter(s) ({definition.Usage}), got {given}."));
        }

        var values = new double[definition.Parameters.Length];
        for (var p = 0; p < values.Length; p++)
        {
            var parameter = definition.Parameters[p];
            if (p >= given)
            {
                values[p] = parameter.Default;
                continue;
            }

            var token = parts[p + 1].Trim();
            if (parameter.Whole)
            {
                if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
                {
                    throw new FormatException($"spec item '{itemText}': {name} {parameter.Name} '{token}' is not a whole number.");
                }

                values[p] = whole;
            }
            else
            {
                if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
                {
                    throw new FormatException($"spec item '{itemText}': {name} {parameter.Name} '{token}' is not a number.");
                }

                values[p] = number;
            }
        }

        var suffix = values.Length == 0 ? string.Empty : "_" + string.Join("_", Array.ConvertAll(values, v => v.ToString("R", CultureInfo.InvariantCulture)));
        var (columns, create) = Build(name, values, suffix);
        try
        {
            create(); // constructs the streams once: their parameter rules apply
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new FormatException($"spec item '{itemText}': {RuleOf(ex)}", ex);
        }

        return new IndicatorSpecItem(itemText, name, values, columns, create);
    }

    private static string RuleOf(ArgumentOutOfRangeException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.Split('\n')[0];
    }

    private static (string[] Columns, Func<ColumnFiller> Create) Build(string name, double[] p, string suffix)
    {
        int Whole(int i) => (int)p[i];
        return name switch
        {
            "ema" => ([$"ema{suffix}"], () =>
            {
                var s = new EmaStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Ema;
            }),
            "sma" => ([$"sma{suffix}"], () =>
            {
                var s = new SmaStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Sma;
            }),
            "rsi" => ([$"rsi{suffix}"], () =>
            {
                var s = new RsiStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Rsi;
            }),
            "macd" => ([$"macd{suffix}", $"macd_signal{suffix}", $"macd_hist{suffix}"], () =>
            {
                var s = new MacdStream(Whole(0), Whole(1), Whole(2));
                return (in Market.Candle c, Span<double?> cells) =>
                {
                    var r = s.Add(c);
                    cells[0] = r.Macd;
                    cells[1] = r.Signal;
                    cells[2] = r.Histogram;
                };
            }),
            "roc" => ([$"roc{suffix}"], () =>
            {
                var s = new RocStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Roc;
            }),
            "adx" => ([$"adx{suffix}", $"pdi{suffix}", $"mdi{suffix}"], () =>
            {
                var s = new AdxStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) =>
                {
                    var r = s.Add(c);
                    cells[0] = r.Adx;
                    cells[1] = r.Pdi;
                    cells[2] = r.Mdi;
                };
            }),
            "atr" => ([$"atr{suffix}"], () =>
            {
                var s = new AtrStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Atr;
            }),
            "bb" => ([$"bb_upper{suffix}", $"bb_middle{suffix}", $"bb_lower{suffix}", $"bb_pctb{suffix}", $"bb_width{suffix}"], () =>
            {
                var s = new BollingerBandsStream(Whole(0), p[1]);
                return (in Market.Candle c, Span<double?> cells) =>
                {
                    var r = s.Add(c);
                    cells[0] = r.UpperBand;
                    cells[1] = r.Sma;
                    cells[2] = r.LowerBand;
                    cells[3] = r.PercentB;
                    cells[4] = r.Width;
                };
            }),
            "kc" => ([$"kc_upper{suffix}", $"kc_middle{suffix}", $"kc_lower{suffix}"], () =>
            {
                var s = new KeltnerStream(Whole(0), p[1], Whole(2));
                return (in Market.Candle c, Span<double?> cells) =>
                {
                    var r = s.Add(c);
                    cells[0] = r.UpperBand;
                    cells[1] = r.Centerline;
                    cells[2] = r.LowerBand;
                };
            }),
            "obv" => (["obv"], () =>
            {
                var s = new ObvStream();
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Obv;
            }),
            "vwap" => (["vwap"], () =>
            {
                var s = new VwapStream(VwapAnchor.UtcDay);
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Vwap;
            }),
            "vma" => ([$"vma_ratio{suffix}"], () =>
            {
                var s = new VolumeRatioStream(Whole(0));
                return (in Market.Candle c, Span<double?> cells) => cells[0] = s.Add(c).Ratio;
            }),
            _ => throw new InvalidOperationException($"indicator '{name}' has a definition but no columns."),
        };
    }

    private sealed record Parameter(string Name, double Default, bool Whole);

    private sealed record Definition(string Name, string Usage, Parameter[] Parameters);
}
