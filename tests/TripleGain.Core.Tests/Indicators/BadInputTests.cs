using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

public sealed class BadInputTests
{
    private static readonly DateTime Start = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string, string, object> InvalidParameters() => new()
    {
        { "ToEma", "period", 0 },
        { "EmaStream", "period", -1 },
        { "ToEmaValues", "period", 0 },
        { "ToSma", "period", 0 },
        { "SmaStream", "period", 0 },
        { "ToRsi", "period", 0 },
        { "RsiStream", "period", 0 },
        { "ToMacd", "fastPeriod", 0 },
        { "ToMacd", "slowPeriod", 12 },
        { "MacdStream", "signalPeriod", 0 },
        { "MacdStream", "slowPeriod", 5 },
        { "ToRoc", "period", 0 },
        { "RocStream", "period", 0 },
        { "ToAtr", "period", 1 },
        { "AtrStream", "period", 1 },
        { "ToAdx", "period", 1 },
        { "AdxStream", "period", 0 },
        { "ToBollingerBands", "period", 1 },
        { "ToBollingerBands", "standardDeviations", 0.0 },
        { "BollingerBandsStream", "standardDeviations", double.PositiveInfinity },
        { "ToKeltner", "emaPeriod", 1 },
        { "ToKeltner", "multiplier", -2.0 },
        { "KeltnerStream", "atrPeriod", 1 },
        { "ToVolumeRatio", "period", 0 },
        { "VolumeRatioStream", "period", 0 },
    };

    [Theory]
    [MemberData(nameof(InvalidParameters))]
    public void Create_InvalidParameter_ThrowsNamingParameterValueAndRule(string method, string parameter, object value)
    {
        var candles = Flat(5, volume: 1);
        var i = value is int whole ? whole : 0;
        var d = value is double real ? real : 2;
        Action create = (method, parameter) switch
        {
            ("ToEma", _) => () => candles.ToEma(i),
            ("EmaStream", _) => () => _ = new EmaStream(i),
            ("ToEmaValues", _) => () => new double?[] { 1, 2 }.ToEma(i),
            ("ToSma", _) => () => candles.ToSma(i),
            ("SmaStream", _) => () => _ = new SmaStream(i),
            ("ToRsi", _) => () => candles.ToRsi(i),
            ("RsiStream", _) => () => _ = new RsiStream(i),
            ("ToMacd", "fastPeriod") => () => candles.ToMacd(i, 26, 9),
            ("ToMacd", "slowPeriod") => () => candles.ToMacd(12, i, 9),
            ("MacdStream", "signalPeriod") => () => _ = new MacdStream(12, 26, i),
            ("MacdStream", "slowPeriod") => () => _ = new MacdStream(12, i, 9),
            ("ToRoc", _) => () => candles.ToRoc(i),
            ("RocStream", _) => () => _ = new RocStream(i),
            ("ToAtr", _) => () => candles.ToAtr(i),
            ("AtrStream", _) => () => _ = new AtrStream(i),
            ("ToAdx", _) => () => candles.ToAdx(i),
            ("AdxStream", _) => () => _ = new AdxStream(i),
            ("ToBollingerBands", "period") => () => candles.ToBollingerBands(i, 2),
            ("ToBollingerBands", "standardDeviations") => () => candles.ToBollingerBands(20, d),
            ("BollingerBandsStream", _) => () => _ = new BollingerBandsStream(20, d),
            ("ToKeltner", "emaPeriod") => () => candles.ToKeltner(i, 2, 10),
            ("ToKeltner", "multiplier") => () => candles.ToKeltner(20, d, 10),
            ("KeltnerStream", _) => () => _ = new KeltnerStream(20, 2, i),
            ("ToVolumeRatio", _) => () => candles.ToVolumeRatio(i),
            ("VolumeRatioStream", _) => () => _ = new VolumeRatioStream(i),
            _ => throw new InvalidOperationException(method),
        };

        var ex = Should.Throw<ArgumentOutOfRangeException>(create);
        ex.ParamName.ShouldBe(parameter);
        ex.Message.ShouldContain(parameter);
        ex.Message.ShouldContain(value is double v ? v.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : $"was {value}");
        ex.Message.ShouldMatch("must be (at least|greater than|a finite number greater than)");
    }

    [Fact]
    public void Batch_NullCandles_ThrowsArgumentNull()
    {
        IReadOnlyList<Candle> none = null!;
        Should.Throw<ArgumentNullException>(() => none.ToEma(3));
        Should.Throw<ArgumentNullException>(() => none.ToVwap());
        Should.Throw<ArgumentNullException>(() => ((IReadOnlyList<double?>)null!).ToEma(3));
    }

    [Fact]
    public void Batch_OutOfOrderCandles_ThrowsNamingBothTimestamps()
    {
        var candles = Flat(5, volume: 1);
        (candles[2], candles[3]) = (candles[3], candles[2]);

        var ex = Should.Throw<ArgumentException>(() => candles.ToRsi(2));
        ex.Message.ShouldContain(candles[2].Timestamp.ToString("O"));
        ex.Message.ShouldContain(candles[3].Timestamp.ToString("O"));
        Should.Throw<ArgumentException>(() => candles.ToObv());
        Should.Throw<ArgumentException>(() => candles.ToBollingerBands(2));
    }

    private static readonly string[] StreamNames = ["ema", "sma", "rsi", "macd", "roc", "atr", "adx", "bb", "kc", "obv", "vwap", "vma"];

    public static TheoryData<string> Streams() => new(StreamNames);

    [Theory]
    [MemberData(nameof(Streams))]
    public void Stream_OutOfOrderOrRepeatedTimestamp_ThrowsNamingBothTimestampsAndChangesNothing(string indicator)
    {
        var candles = RandomCandles.Generate(80, 4, 100m, 2);
        var reference = StreamFor(indicator);
        var expected = candles.Select(c => reference(c)).ToList();

        var add = StreamFor(indicator);
        for (var i = 0; i < 50; i++)
        {
            add(candles[i]);
        }

        var ex = Should.Throw<ArgumentException>(() => add(candles[20] with { Close = 1m }));
        ex.Message.ShouldContain(candles[20].Timestamp.ToString("O"));
        ex.Message.ShouldContain(candles[49].Timestamp.ToString("O"));
        Should.Throw<ArgumentException>(() => add(candles[49]));

        for (var i = 50; i < 80; i++)
        {
            add(candles[i]).ShouldBe(expected[i]);
        }
    }

    [Fact]
    public void Vwap_ZeroVolume_IsNullNotNaN()
    {
        var candles = Flat(5, volume: 0);
        candles.ToVwap(VwapAnchor.FirstBar).ShouldAllBe(r => r.Vwap == null);
        candles.ToVwap(VwapAnchor.UtcDay).ShouldAllBe(r => r.Vwap == null);
        var stream = new VwapStream(VwapAnchor.FirstBar);
        candles.ShouldAllBe(c => stream.Add(c).Vwap == null);

        // after volume appears, zero-volume candles keep the last VWAP
        candles.Add(Bar(5, 10, 12, 8, 11, volume: 3));
        candles.Add(Bar(6, 11, 11, 11, 11, volume: 0));
        var vwap = candles.ToVwap(VwapAnchor.FirstBar);
        vwap[5].Vwap.ShouldBe((12 + 8 + 11) / 3.0);
        vwap[6].Vwap.ShouldBe(vwap[5].Vwap);
    }

    [Fact]
    public void VwapUtcDay_NewUtcDay_RestartsTheSums()
    {
        var candles = new List<Candle>
        {
            new(new DateTime(2024, 3, 1, 23, 58, 0, DateTimeKind.Utc), 10, 10, 10, 10, 5),
            new(new DateTime(2024, 3, 1, 23, 59, 0, DateTimeKind.Utc), 20, 20, 20, 20, 5),
            new(new DateTime(2024, 3, 2, 0, 0, 0, DateTimeKind.Utc), 30, 30, 30, 30, 1),
            new(new DateTime(2024, 3, 2, 0, 1, 0, DateTimeKind.Utc), 40, 40, 40, 40, 1),
        };

        candles.ToVwap(VwapAnchor.UtcDay).Select(r => r.Vwap).ShouldBe([10.0, 15.0, 30.0, 35.0]);
        candles.ToVwap(VwapAnchor.FirstBar).Select(r => r.Vwap).ShouldBe([10.0, 15.0, 180.0 / 11, 220.0 / 12]);
        var stream = new VwapStream(VwapAnchor.UtcDay);
        candles.Select(c => stream.Add(c).Vwap).ShouldBe([10.0, 15.0, 30.0, 35.0]);
    }

    [Fact]
    public void VolumeRatio_ZeroVolumeWindow_IsNullAndZeroVolumeBarIsZero()
    {
        var candles = Flat(25, volume: 0);
        candles.ToVolumeRatio(5).ShouldAllBe(r => r.Ratio == null);
        var stream = new VolumeRatioStream(5);
        candles.ShouldAllBe(c => stream.Add(c).Ratio == null);

        candles.Add(Bar(25, 10, 10, 10, 10, volume: 5));
        candles.Add(Bar(26, 10, 10, 10, 10, volume: 0));
        var ratio = candles.ToVolumeRatio(5);
        ratio[25].VolumeSma.ShouldBe(1);
        ratio[25].Ratio.ShouldBe(5);
        ratio[26].Ratio.ShouldBe(0);
        stream.Add(candles[25]).Ratio.ShouldBe(5);
        stream.Add(candles[26]).Ratio.ShouldBe(0);
    }

    [Fact]
    public void Bollinger_FlatWindow_PercentBAndZScoreNullWidthZero()
    {
        var candles = Flat(25, volume: 1, price: 0.1m); // 0.1 is not exact in binary: the batch mean carries rounding
        var expected = new BollingerBandsResult(candles[24].Timestamp, 0.1, 0.1, 0.1, null, null, 0);

        var batch = candles.ToBollingerBands(20, 2)[24];
        batch.PercentB.ShouldBeNull();
        batch.ZScore.ShouldBeNull();
        batch.Width.ShouldBe(0);
        batch.UpperBand.ShouldBe(batch.LowerBand);
        batch.Sma!.Value.ShouldBe(0.1, 1e-15);

        var stream = new BollingerBandsStream(20, 2);
        candles.Select(c => stream.Add(c)).ToList()[^1].ShouldBe(expected);
    }

    [Fact]
    public void Bollinger_FlatAfterVolatile_StreamReachesExactlyZeroDeviation()
    {
        var candles = RandomCandles.Generate(100, 9, 60_000m, 1).ToList();
        var last = candles[^1];
        for (var i = 1; i <= 30; i++)
        {
            candles.Add(last with { Timestamp = last.Timestamp.AddMinutes(i), Open = last.Close, High = last.Close, Low = last.Close, Volume = 0 });
        }

        var stream = new BollingerBandsStream(20, 2);
        var results = candles.Select(c => stream.Add(c)).ToList();
        results[^1].PercentB.ShouldBeNull();
        results[^1].Width.ShouldBe(0);
        results[^1].Sma.ShouldBe((double)last.Close);
        candles.ToBollingerBands(20, 2)[^1].PercentB.ShouldBeNull();
    }

    [Fact]
    public void Adx_FlatFromTheStart_NullUntilThePriceMoves()
    {
        var candles = Flat(20, volume: 1);
        candles.Add(Bar(20, 10, 11, 10, 11, volume: 1));
        var adx = candles.ToAdx(3);
        adx.Take(20).ShouldAllBe(r => r.Pdi == null && r.Dx == null && r.Adx == null);
        adx[20].Pdi.ShouldBe(100);
        adx[20].Mdi.ShouldBe(0);
        adx[20].Dx.ShouldBe(100);
        adx[20].Adx.ShouldBeNull(); // the ADX waits for 3 DX values
        var stream = new AdxStream(3);
        candles.Select(c => stream.Add(c)).ShouldBe(adx);
    }

    [Fact]
    public void Rsi_FlatSeries_Is100AsInSkender()
    {
        // Skender's convention: RSI = 100 whenever the average loss is 0, including a series that never moves
        Flat(20, volume: 1).ToRsi(14).Skip(14).ShouldAllBe(r => r.Rsi == 100);
    }

    [Fact]
    public void AllIndicators_ZeroPricesAndVolumes_GiveNullOrFiniteNeverNaNOrInfinity()
    {
        var candles = Flat(40, volume: 0, price: 0m);
        candles.AddRange(Flat(40, volume: 0, price: 0m, from: 40));
        var values = AllValues(candles).ToList();
        values.ShouldNotBeEmpty();
        values.ShouldAllBe(v => v == null || double.IsFinite(v.Value));
        candles.ToRoc(3)[10].Roc.ShouldBeNull();
        candles.ToAtr(3)[10].Atrp.ShouldBeNull();
        candles.ToBollingerBands(5)[10].Width.ShouldBeNull();
        candles.ToKeltner(5, 2, 3)[10].Width.ShouldBeNull();

        var set = new IndicatorSetStream();
        foreach (var c in candles)
        {
            var v = set.Add(c);
            new[] { v.Roc, v.BollingerWidth, v.BollingerPercentB, v.Vwap, v.VolumeRatio, v.Rsi, v.Adx }
                .ShouldAllBe(x => x == null || double.IsFinite(x.Value));
        }
    }

    [Fact]
    public void EmaAndSmaValues_NaNOrInfinity_CountAsMissing()
    {
        double?[] values = [1, double.NaN, 3, double.PositiveInfinity, 5];
        values.ToEma(2).ShouldBe([null, null, 2.0, null, 2.0 + ((2.0 / 3) * 3)]);
        values.ToSma(2).ShouldBe([null, null, 2.0, null, 4.0]);
        var ema = new EmaStream(2);
        values.Select(ema.Add).ShouldBe(values.ToEma(2));
    }

    [Fact]
    public void Indicators_GapInTime_ComputeOnTheSequenceAsGiven()
    {
        var candles = RandomCandles.Generate(200, 21, 100m, 2);
        var gapped = candles.Select((c, i) => i < 100 ? c : c with { Timestamp = c.Timestamp.AddHours(5) }).ToList();

        gapped.ToEma(20).Select(r => r.Ema).ShouldBe(candles.ToEma(20).Select(r => r.Ema));
        gapped.ToRsi(14).Select(r => r.Rsi).ShouldBe(candles.ToRsi(14).Select(r => r.Rsi));
        gapped.ToAdx(14).Select(r => r.Adx).ShouldBe(candles.ToAdx(14).Select(r => r.Adx));
        var gappedStream = new AtrStream(14);
        var stream = new AtrStream(14);
        gapped.Select(c => gappedStream.Add(c).Atr).ShouldBe(candles.Select(c => stream.Add(c).Atr));
    }

    private static IEnumerable<double?> AllValues(List<Candle> candles)
    {
        foreach (var r in candles.ToEma(3)) { yield return r.Ema; }
        foreach (var r in candles.ToSma(3)) { yield return r.Sma; }
        foreach (var r in candles.ToRsi(3)) { yield return r.Rsi; }
        foreach (var r in candles.ToMacd(3, 6, 3)) { yield return r.Macd; yield return r.Signal; yield return r.Histogram; }
        foreach (var r in candles.ToRoc(3)) { yield return r.Momentum; yield return r.Roc; }
        foreach (var r in candles.ToAtr(3)) { yield return r.Tr; yield return r.Atr; yield return r.Atrp; }
        foreach (var r in candles.ToAdx(3)) { yield return r.Pdi; yield return r.Mdi; yield return r.Dx; yield return r.Adx; yield return r.Adxr; }
        foreach (var r in candles.ToBollingerBands(5)) { yield return r.Sma; yield return r.UpperBand; yield return r.PercentB; yield return r.ZScore; yield return r.Width; }
        foreach (var r in candles.ToKeltner(5, 2, 3)) { yield return r.UpperBand; yield return r.Width; }
        foreach (var r in candles.ToObv()) { yield return r.Obv; }
        foreach (var r in candles.ToVwap()) { yield return r.Vwap; }
        foreach (var r in candles.ToVolumeRatio(3)) { yield return r.VolumeSma; yield return r.Ratio; }
        var streams = StreamNames.Select(StreamFor).ToList();
        foreach (var c in candles)
        {
            foreach (var add in streams)
            {
                foreach (var value in Fields(add(c)))
                {
                    yield return value;
                }
            }
        }
    }

    private static IEnumerable<double?> Fields(object result) =>
        result.GetType().GetProperties().Where(p => p.PropertyType == typeof(double?) || p.PropertyType == typeof(double))
            .Select(p => p.GetValue(result) is double d ? d : (double?)null);

    private static Func<Candle, object> StreamFor(string indicator)
    {
        switch (indicator)
        {
            case "ema": { var s = new EmaStream(5); return c => s.Add(c); }
            case "sma": { var s = new SmaStream(5); return c => s.Add(c); }
            case "rsi": { var s = new RsiStream(5); return c => s.Add(c); }
            case "macd": { var s = new MacdStream(3, 6, 3); return c => s.Add(c); }
            case "roc": { var s = new RocStream(5); return c => s.Add(c); }
            case "atr": { var s = new AtrStream(5); return c => s.Add(c); }
            case "adx": { var s = new AdxStream(5); return c => s.Add(c); }
            case "bb": { var s = new BollingerBandsStream(5, 2); return c => s.Add(c); }
            case "kc": { var s = new KeltnerStream(5, 2, 3); return c => s.Add(c); }
            case "obv": { var s = new ObvStream(); return c => s.Add(c); }
            case "vwap": { var s = new VwapStream(VwapAnchor.FirstBar); return c => s.Add(c); }
            case "vma": { var s = new VolumeRatioStream(5); return c => s.Add(c); }
            default: throw new InvalidOperationException(indicator);
        }
    }

    private static List<Candle> Flat(int count, decimal volume, decimal price = 10m, int from = 0) =>
        Enumerable.Range(from, count).Select(i => Bar(i, price, price, price, price, volume)).ToList();

    private static Candle Bar(int minute, decimal open, decimal high, decimal low, decimal close, decimal volume) =>
        new(Start.AddMinutes(minute), open, high, low, close, volume);
}
