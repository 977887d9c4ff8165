using System.Text.Json;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>
/// Conformance with Skender Stock.Indicators on its own reference quotes: every value its unit tests assert
/// (skender_expected.json, within the test's tolerance) and its full-series baselines (results/*.standard.json, 1e-6
/// relative, nulls exactly where the reference has nulls), for the batch and the streaming forms.
/// </summary>
public sealed class SkenderConformanceTests
{
    private static IReadOnlyList<Candle> Quotes => SkenderReference.Default;

    [Fact]
    public void ToEma_SkenderAsserts_Match()
    {
        var ema = Quotes.ToEma(20);
        AssertAll("ema", SkenderReference.Expected("ema").GetProperty("asserts"), (i, _) => ema[i].Ema);
        ema.Count(r => r.Ema is not null).ShouldBe(SkenderReference.Expected("ema").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToEma_OnOpenSkenderAsserts_Match()
    {
        var opens = Quotes.Select(c => (double)c.Open).ToList();
        var ema = opens.ToEma(20);
        var extra = ExtraCase("ema", "Open");
        AssertAll("ema(open)", extra.GetProperty("asserts"), (i, _) => ema[i]);
        ema.Count(v => v is not null).ShouldBe(extra.GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToEma_OfRsiSkenderAsserts_Match()
    {
        var rsi = Quotes.ToRsi(14).Select(r => r.Rsi).ToList();
        var ema = rsi.ToEma(20);
        var extra = ExtraCase("ema", "ToRsi(14).ToEma(20)");
        AssertAll("ema(rsi)", extra.GetProperty("asserts"), (i, _) => ema[i]);
        ema.Count(v => v is not null).ShouldBe(extra.GetProperty("non_null_count").GetInt32());
        ema.ToList().FindIndex(v => v is not null).ShouldBe(33);
    }

    [Fact]
    public void EmaStream_OfRsiValues_MatchesSkenderAsserts()
    {
        var rsi = new RsiStream(14);
        var ema = new EmaStream(20);
        var values = Quotes.Select(c => ema.Add(rsi.Add(c).Rsi)).ToList();
        AssertAll("ema(rsi) stream", ExtraCase("ema", "ToRsi(14).ToEma(20)").GetProperty("asserts"), (i, _) => values[i]);
    }

    [Fact]
    public void ToSma_SkenderAsserts_Match()
    {
        var sma = Quotes.ToSma(20);
        AssertAll("sma", SkenderReference.Expected("sma").GetProperty("asserts"), (i, _) => sma[i].Sma);
    }

    [Fact]
    public void ToRsi_SkenderAsserts_Match()
    {
        var rsi = Quotes.ToRsi(14);
        AssertAll("rsi", SkenderReference.Expected("rsi").GetProperty("asserts"), (i, _) => rsi[i].Rsi);
        rsi.Count(r => r.Rsi is not null).ShouldBe(SkenderReference.Expected("rsi").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToRsi_PeriodOneSkenderAsserts_Match()
    {
        var rsi = Quotes.ToRsi(1);
        var extra = ExtraCase("rsi", "ToRsi(1)");
        AssertAll("rsi(1)", extra.GetProperty("asserts"), (i, _) => rsi[i].Rsi);
        rsi.Count(r => r.Rsi is not null).ShouldBe(extra.GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToMacd_SkenderAsserts_Match()
    {
        var macd = Quotes.ToMacd(12, 26, 9);
        AssertAll("macd", SkenderReference.Expected("macd").GetProperty("asserts"), (i, field) => field switch
        {
            "macd" => macd[i].Macd,
            "signal" => macd[i].Signal,
            "histogram" => macd[i].Histogram,
            "fastEma" => macd[i].FastEma,
            "slowEma" => macd[i].SlowEma,
            _ => throw new InvalidOperationException(field),
        });
        var counts = SkenderReference.Expected("macd").GetProperty("non_null_count");
        macd.Count(r => r.Macd is not null).ShouldBe(counts.GetProperty("macd").GetInt32());
        macd.Count(r => r.Signal is not null).ShouldBe(counts.GetProperty("signal").GetInt32());
        macd.Count(r => r.Histogram is not null).ShouldBe(counts.GetProperty("histogram").GetInt32());
    }

    [Fact]
    public void ToRoc_SkenderAsserts_Match()
    {
        var roc = Quotes.ToRoc(20);
        AssertAll("roc", SkenderReference.Expected("roc").GetProperty("asserts"), (i, field) => field == "roc" ? roc[i].Roc : roc[i].Momentum);
        roc.Count(r => r.Roc is not null).ShouldBe(SkenderReference.Expected("roc").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToAdx_SkenderAsserts_Match()
    {
        var adx = Quotes.ToAdx(14);
        AssertAll("adx", SkenderReference.Expected("adx").GetProperty("asserts"), (i, field) => field switch
        {
            "pdi" => adx[i].Pdi,
            "mdi" => adx[i].Mdi,
            "dx" => adx[i].Dx,
            "adx" => adx[i].Adx,
            "adxr" => adx[i].Adxr,
            _ => throw new InvalidOperationException(field),
        });
        adx[41].Adxr.ShouldNotBeNull();
        adx[248].Adxr.ShouldNotBeNull();
        adx[501].Adxr.ShouldNotBeNull();
        var counts = SkenderReference.Expected("adx").GetProperty("non_null_count");
        adx.Count(r => r.Dx is not null).ShouldBe(counts.GetProperty("dx").GetInt32());
        adx.Count(r => r.Adx is not null).ShouldBe(counts.GetProperty("adx").GetInt32());
        adx.Count(r => r.Adxr is not null).ShouldBe(counts.GetProperty("adxr").GetInt32());
    }

    [Fact]
    public void ToAtr_SkenderAsserts_Match()
    {
        var atr = Quotes.ToAtr(14);
        AssertAll("atr", SkenderReference.Expected("atr").GetProperty("asserts"), (i, field) => field switch
        {
            "tr" => atr[i].Tr,
            "atr" => atr[i].Atr,
            "atrp" => atr[i].Atrp,
            _ => throw new InvalidOperationException(field),
        });
        atr.Count(r => r.Atr is not null).ShouldBe(SkenderReference.Expected("atr").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToBollingerBands_SkenderAsserts_Match()
    {
        var bb = Quotes.ToBollingerBands(20, 2);
        AssertAll("bollinger", SkenderReference.Expected("bollinger").GetProperty("asserts"), (i, field) => field switch
        {
            "sma" => bb[i].Sma,
            "upperBand" => bb[i].UpperBand,
            "lowerBand" => bb[i].LowerBand,
            "percentB" => bb[i].PercentB,
            "zScore" => bb[i].ZScore,
            "width" => bb[i].Width,
            _ => throw new InvalidOperationException(field),
        });
        bb.Count(r => r.Sma is not null).ShouldBe(SkenderReference.Expected("bollinger").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToKeltner_SkenderAsserts_Match()
    {
        var kc = Quotes.ToKeltner(20, 2, 10);
        AssertAll("keltner", SkenderReference.Expected("keltner").GetProperty("asserts"), (i, field) => field switch
        {
            "upperBand" => kc[i].UpperBand,
            "centerline" => kc[i].Centerline,
            "lowerBand" => kc[i].LowerBand,
            "width" => kc[i].Width,
            _ => throw new InvalidOperationException(field),
        });
        kc.Count(r => r.Centerline is not null).ShouldBe(SkenderReference.Expected("keltner").GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void ToObv_SkenderAsserts_Match()
    {
        var obv = Quotes.ToObv();
        AssertAll("obv", SkenderReference.Expected("obv").GetProperty("asserts"), (i, _) => obv[i].Obv);
    }

    [Fact]
    public void ToSma_OfObvSkenderV2Assert_Matches()
    {
        var obvSma = Quotes.ToObv().Select(r => r.Obv).ToList().ToSma(20);
        AssertAll("obv sma", ExtraCase("obv", "GetObv(smaPeriods=20)").GetProperty("asserts"), (i, _) => obvSma[i]);
    }

    [Fact]
    public void ToVolumeRatio_SkenderVolumeSmaAndDerivedRatios_Match()
    {
        var ratio = Quotes.ToVolumeRatio(20);
        var expected = SkenderReference.Expected("volume_sma");
        AssertAll("volume sma", expected.GetProperty("asserts"), (i, _) => ratio[i].VolumeSma);
        ratio.Count(r => r.VolumeSma is not null).ShouldBe(expected.GetProperty("non_null_count").GetInt32());
        foreach (var derived in expected.GetProperty("derived_volume_ratio").EnumerateArray())
        {
            var index = derived.GetProperty("index").GetInt32();
            ratio[index].Ratio!.Value.ShouldBe(derived.GetProperty("vma_ratio_20").GetDouble(), 1e-12);
        }
    }

    [Fact]
    public void ToVwap_FirstBarOnIntradaySkenderAsserts_Match()
    {
        var vwap = SkenderReference.Intraday.ToVwap(VwapAnchor.FirstBar);
        AssertAll("vwap", SkenderReference.Expected("vwap").GetProperty("asserts"), (i, _) => vwap[i].Vwap);
        vwap.Count(r => r.Vwap is not null).ShouldBe(391);
    }

    [Fact]
    public void ToVwap_UtcDayOnOneIntradaySession_EqualsSkenderFirstBar()
    {
        // the 391 bars are one session on 2020-12-15 in UTC too, so the session VWAP is Skender's VWAP
        var session = SkenderReference.Intraday.ToVwap(VwapAnchor.UtcDay);
        AssertAll("session vwap", SkenderReference.Expected("vwap").GetProperty("asserts"), (i, _) => session[i].Vwap);
    }

    [Fact]
    public void ToVwap_WithStartDateSkenderAsserts_Match()
    {
        var extra = ExtraCase("vwap", "startDate");
        var vwap = SkenderReference.Intraday.ToVwap(VwapAnchor.FirstBar, new DateTime(2020, 12, 15, 10, 0, 0, DateTimeKind.Utc));
        AssertAll("vwap(start)", extra.GetProperty("asserts"), (i, _) => vwap[i].Vwap);
        vwap.Count(r => r.Vwap is not null).ShouldBe(extra.GetProperty("non_null_count").GetInt32());
    }

    [Fact]
    public void VwapStream_OnIntradaySkenderAsserts_Match()
    {
        var stream = new VwapStream(VwapAnchor.FirstBar);
        var vwap = StreamRun.Over(SkenderReference.Intraday, c => stream.Add(c).Vwap);
        AssertAll("vwap stream", SkenderReference.Expected("vwap").GetProperty("asserts"), (i, _) => vwap[i]);
        var started = new VwapStream(VwapAnchor.FirstBar, new DateTime(2020, 12, 15, 10, 0, 0, DateTimeKind.Utc));
        var fromTen = StreamRun.Over(SkenderReference.Intraday, c => started.Add(c).Vwap);
        AssertAll("vwap(start) stream", ExtraCase("vwap", "startDate").GetProperty("asserts"), (i, _) => fromTen[i]);
    }

    public static TheoryData<string, bool> Baselines() => new()
    {
        { "ema.ema", false }, { "ema.ema", true },
        { "sma.sma", false }, { "sma.sma", true },
        { "rsi.rsi", false }, { "rsi.rsi", true },
        { "macd.macd", false }, { "macd.macd", true },
        { "macd.signal", false }, { "macd.signal", true },
        { "macd.histogram", false }, { "macd.histogram", true },
        { "macd.fastEma", false }, { "macd.fastEma", true },
        { "macd.slowEma", false }, { "macd.slowEma", true },
        { "roc.momentum", false }, { "roc.momentum", true },
        { "roc.roc", false }, { "roc.roc", true },
        { "adx.pdi", false }, { "adx.pdi", true },
        { "adx.mdi", false }, { "adx.mdi", true },
        { "adx.dx", false }, { "adx.dx", true },
        { "adx.adx", false }, { "adx.adx", true },
        { "adx.adxr", false }, { "adx.adxr", true },
        { "atr.tr", false }, { "atr.tr", true },
        { "atr.atr", false }, { "atr.atr", true },
        { "atr.atrp", false }, { "atr.atrp", true },
        { "tr.tr", false }, { "tr.tr", true },
        { "bb.sma", false }, { "bb.sma", true },
        { "bb.upperBand", false }, { "bb.upperBand", true },
        { "bb.lowerBand", false }, { "bb.lowerBand", true },
        { "bb.percentB", false }, { "bb.percentB", true },
        { "bb.zScore", false }, { "bb.zScore", true },
        { "bb.width", false }, { "bb.width", true },
        { "keltner.upperBand", false }, { "keltner.upperBand", true },
        { "keltner.centerline", false }, { "keltner.centerline", true },
        { "keltner.lowerBand", false }, { "keltner.lowerBand", true },
        { "keltner.width", false }, { "keltner.width", true },
        { "obv.obv", false }, { "obv.obv", true },
        { "vwap.vwap", false }, { "vwap.vwap", true },
    };

    [Theory]
    [MemberData(nameof(Baselines))]
    public void FullSeries_SkenderBaseline_MatchesWithin1e6RelativeAndSameNulls(string column, bool streaming)
    {
        var (file, field) = (column.Split('.')[0], column.Split('.')[1]);
        var expected = SkenderReference.Column(file, field);
        var actual = streaming ? StreamingColumn(file, field) : BatchColumn(file, field);
        var failures = SkenderReference.CompareColumn($"{column} ({(streaming ? "stream" : "batch")})", expected, actual);
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
        actual.Count(v => v is not null).ShouldBeGreaterThan(400);
    }

    private static double?[] BatchColumn(string file, string field) => (file, field) switch
    {
        ("ema", _) => Quotes.ToEma(20).Select(r => r.Ema).ToArray(),
        ("sma", _) => Quotes.ToSma(20).Select(r => r.Sma).ToArray(),
        ("rsi", _) => Quotes.ToRsi(14).Select(r => r.Rsi).ToArray(),
        ("macd", _) => Quotes.ToMacd(12, 26, 9).Select(r => Macd(r, field)).ToArray(),
        ("roc", _) => Quotes.ToRoc(14).Select(r => field == "roc" ? r.Roc : r.Momentum).ToArray(),
        ("adx", _) => Quotes.ToAdx(14).Select(r => Adx(r, field)).ToArray(),
        ("atr" or "tr", _) => Quotes.ToAtr(14).Select(r => Atr(r, field)).ToArray(),
        ("bb", _) => Quotes.ToBollingerBands(20, 2).Select(r => Bollinger(r, field)).ToArray(),
        ("keltner", _) => Quotes.ToKeltner(20, 2, 10).Select(r => Keltner(r, field)).ToArray(),
        ("obv", _) => Quotes.ToObv().Select(r => (double?)r.Obv).ToArray(),
        ("vwap", _) => Quotes.ToVwap(VwapAnchor.FirstBar).Select(r => r.Vwap).ToArray(),
        _ => throw new InvalidOperationException(file),
    };

    private static double?[] StreamingColumn(string file, string field)
    {
        switch (file)
        {
            case "ema":
                var ema = new EmaStream(20);
                return StreamRun.Over(Quotes, c => ema.Add(c).Ema);
            case "sma":
                var sma = new SmaStream(20);
                return StreamRun.Over(Quotes, c => sma.Add(c).Sma);
            case "rsi":
                var rsi = new RsiStream(14);
                return StreamRun.Over(Quotes, c => rsi.Add(c).Rsi);
            case "macd":
                var macd = new MacdStream(12, 26, 9);
                return StreamRun.Over(Quotes, c => Macd(macd.Add(c), field));
            case "roc":
                var roc = new RocStream(14);
                return StreamRun.Over(Quotes, c => roc.Add(c) is var r && field == "roc" ? r.Roc : r.Momentum);
            case "adx":
                var adx = new AdxStream(14);
                return StreamRun.Over(Quotes, c => Adx(adx.Add(c), field));
            case "atr" or "tr":
                var atr = new AtrStream(14);
                return StreamRun.Over(Quotes, c => Atr(atr.Add(c), field));
            case "bb":
                var bb = new BollingerBandsStream(20, 2);
                return StreamRun.Over(Quotes, c => Bollinger(bb.Add(c), field));
            case "keltner":
                var kc = new KeltnerStream(20, 2, 10);
                return StreamRun.Over(Quotes, c => Keltner(kc.Add(c), field));
            case "obv":
                var obv = new ObvStream();
                return StreamRun.Over(Quotes, c => (double?)obv.Add(c).Obv);
            case "vwap":
                var vwap = new VwapStream(VwapAnchor.FirstBar);
                return StreamRun.Over(Quotes, c => vwap.Add(c).Vwap);
            default:
                throw new InvalidOperationException(file);
        }
    }

    private static double? Macd(MacdResult r, string field) => field switch
    {
        "macd" => r.Macd,
        "signal" => r.Signal,
        "histogram" => r.Histogram,
        "fastEma" => r.FastEma,
        "slowEma" => r.SlowEma,
        _ => throw new InvalidOperationException(field),
    };

    private static double? Adx(AdxResult r, string field) => field switch
    {
        "pdi" => r.Pdi,
        "mdi" => r.Mdi,
        "dx" => r.Dx,
        "adx" => r.Adx,
        "adxr" => r.Adxr,
        _ => throw new InvalidOperationException(field),
    };

    private static double? Atr(AtrResult r, string field) => field switch
    {
        "tr" => r.Tr,
        "atr" => r.Atr,
        "atrp" => r.Atrp,
        _ => throw new InvalidOperationException(field),
    };

    private static double? Bollinger(BollingerBandsResult r, string field) => field switch
    {
        "sma" => r.Sma,
        "upperBand" => r.UpperBand,
        "lowerBand" => r.LowerBand,
        "percentB" => r.PercentB,
        "zScore" => r.ZScore,
        "width" => r.Width,
        _ => throw new InvalidOperationException(field),
    };

    private static double? Keltner(KeltnerResult r, string field) => field switch
    {
        "upperBand" => r.UpperBand,
        "centerline" => r.Centerline,
        "lowerBand" => r.LowerBand,
        "width" => r.Width,
        _ => throw new InvalidOperationException(field),
    };

    private static JsonElement ExtraCase(string indicator, string caseContains) =>
        SkenderReference.Expected(indicator).GetProperty("extra_cases").EnumerateArray()
            .Single(e => e.GetProperty("case").GetString()!.Contains(caseContains, StringComparison.Ordinal));

    private static void AssertAll(string name, JsonElement asserts, Func<int, string, double?> actual)
    {
        var (failures, count) = SkenderReference.Check(asserts, actual);
        count.ShouldBeGreaterThan(0, $"{name}: no asserts found in the reference");
        failures.ShouldBeEmpty($"{name}: {string.Join("; ", failures)}");
    }
}
