using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

public sealed class IndicatorSetStreamTests
{
    [Theory]
    [InlineData(5, 100.0, 2)]
    [InlineData(6, 60000.0, 1)]
    public void Add_RandomWalk_EqualsTheIndividualBatchIndicators(int seed, double price, int decimals)
    {
        var candles = RandomCandles.Generate(20_000, seed, (decimal)price, decimals);
        var set = new IndicatorSetStream();
        var values = StreamRun.Over(candles, c => set.Add(c));

        Same("close", candles.Select(c => (double?)(double)c.Close), values.Select(v => (double?)v.Close));
        Same("ema 9", candles.ToEma(9).Select(r => r.Ema), values.Select(v => v.EmaFast));
        Same("ema 21", candles.ToEma(21).Select(r => r.Ema), values.Select(v => v.EmaMid));
        Same("ema 50", candles.ToEma(50).Select(r => r.Ema), values.Select(v => v.EmaSlow));
        Same("rsi", candles.ToRsi(14).Select(r => r.Rsi), values.Select(v => v.Rsi));
        var macd = candles.ToMacd(12, 26, 9);
        Same("macd", macd.Select(r => r.Macd), values.Select(v => v.Macd));
        Same("macd signal", macd.Select(r => r.Signal), values.Select(v => v.MacdSignal));
        Same("macd histogram", macd.Select(r => r.Histogram), values.Select(v => v.MacdHistogram));
        Same("roc 12", candles.ToRoc(12).Select(r => r.Roc), values.Select(v => v.Roc));
        var adx = candles.ToAdx(14);
        Same("adx", adx.Select(r => r.Adx), values.Select(v => v.Adx));
        Same("+di", adx.Select(r => r.Pdi), values.Select(v => v.PlusDi));
        Same("-di", adx.Select(r => r.Mdi), values.Select(v => v.MinusDi));
        Same("atr", candles.ToAtr(14).Select(r => r.Atr), values.Select(v => v.Atr));
        var bb = candles.ToBollingerBands(20, 2);
        Same("bb upper", bb.Select(r => r.UpperBand), values.Select(v => v.BollingerUpper));
        Same("bb middle", bb.Select(r => r.Sma), values.Select(v => v.BollingerMiddle));
        Same("bb lower", bb.Select(r => r.LowerBand), values.Select(v => v.BollingerLower));
        Same("bb %b", bb.Select(r => r.PercentB), values.Select(v => v.BollingerPercentB));
        Same("bb width", bb.Select(r => r.Width), values.Select(v => v.BollingerWidth));
        var kc = candles.ToKeltner(20, 2, 10);
        Same("kc upper", kc.Select(r => r.UpperBand), values.Select(v => v.KeltnerUpper));
        Same("kc middle", kc.Select(r => r.Centerline), values.Select(v => v.KeltnerMiddle));
        Same("kc lower", kc.Select(r => r.LowerBand), values.Select(v => v.KeltnerLower));
        Same("obv", candles.ToObv().Select(r => (double?)r.Obv), values.Select(v => (double?)v.Obv));
        Same("vwap", candles.ToVwap(VwapAnchor.UtcDay).Select(r => r.Vwap), values.Select(v => v.Vwap));
        Same("volume ratio", candles.ToVolumeRatio(20).Select(r => r.Ratio), values.Select(v => v.VolumeRatio));
        values.Select(v => v.Timestamp).ShouldBe(candles.Select(c => c.Timestamp));
    }

    [Fact]
    public void Add_CustomSettings_UsesThePeriodsGiven()
    {
        var candles = RandomCandles.Generate(2_000, 8, 100m, 2);
        var settings = new IndicatorSettings
        {
            EmaFast = 5, EmaMid = 13, EmaSlow = 34, Rsi = 7, MacdFast = 5, MacdSlow = 35, MacdSignal = 5, Roc = 3, Adx = 10,
            Atr = 5, BollingerPeriod = 10, BollingerStdDevs = 1.5, KeltnerEma = 15, KeltnerMultiplier = 3, KeltnerAtr = 20, VolumeMa = 7,
        };
        var set = new IndicatorSetStream(settings);
        var values = StreamRun.Over(candles, c => set.Add(c));

        set.Settings.ShouldBe(settings);
        Same("ema 5", candles.ToEma(5).Select(r => r.Ema), values.Select(v => v.EmaFast));
        Same("ema 34", candles.ToEma(34).Select(r => r.Ema), values.Select(v => v.EmaSlow));
        Same("rsi 7", candles.ToRsi(7).Select(r => r.Rsi), values.Select(v => v.Rsi));
        Same("macd signal 5/35/5", candles.ToMacd(5, 35, 5).Select(r => r.Signal), values.Select(v => v.MacdSignal));
        Same("roc 3", candles.ToRoc(3).Select(r => r.Roc), values.Select(v => v.Roc));
        Same("adx 10", candles.ToAdx(10).Select(r => r.Adx), values.Select(v => v.Adx));
        Same("atr 5", candles.ToAtr(5).Select(r => r.Atr), values.Select(v => v.Atr));
        Same("bb 10/1.5 upper", candles.ToBollingerBands(10, 1.5).Select(r => r.UpperBand), values.Select(v => v.BollingerUpper));
        Same("kc 15/3/20 lower", candles.ToKeltner(15, 3, 20).Select(r => r.LowerBand), values.Select(v => v.KeltnerLower));
        Same("volume ratio 7", candles.ToVolumeRatio(7).Select(r => r.Ratio), values.Select(v => v.VolumeRatio));
    }

    [Fact]
    public void Add_ReferenceQuotes_AgreesWithSkenderWherePublished()
    {
        var set = new IndicatorSetStream();
        var values = StreamRun.Over(SkenderReference.Default, c => set.Add(c));

        values[249].Rsi!.Value.ShouldBe(70.9368, 5e-5);
        values[249].Macd!.Value.ShouldBe(2.2353, 5e-5);
        values[249].MacdSignal!.Value.ShouldBe(2.3141, 5e-5);
        values[248].Adx!.Value.ShouldBe(30.5903, 5e-5);
        values[248].PlusDi!.Value.ShouldBe(32.3167, 5e-5);
        values[501].Atr!.Value.ShouldBe(6.1497, 5e-5);
        values[249].BollingerUpper!.Value.ShouldBe(259.5642, 5e-5);
        values[249].BollingerPercentB!.Value.ShouldBe(0.803923, 5e-7);
        values[249].BollingerWidth!.Value.ShouldBe(0.031416, 5e-7);
        values[501].KeltnerUpper!.Value.ShouldBe(262.1873, 5e-5);
        values[501].Obv.ShouldBe(539843504);
        values[501].VolumeRatio!.Value.ShouldBe(0.8982026107057507, 1e-12);
    }

    [Fact]
    public void Last_BeforeAndAfterAdd_IsNullThenTheLatestValues()
    {
        var set = new IndicatorSetStream();
        set.Last.ShouldBeNull();
        var candles = RandomCandles.Generate(3, 1, 100m, 2);
        set.Add(candles[0]);
        var latest = set.Add(candles[1]);
        set.Last.ShouldBeSameAs(latest);
    }

    [Fact]
    public void Add_WarmingUp_ReportsNullNotZero()
    {
        var set = new IndicatorSetStream();
        var values = StreamRun.Over(SkenderReference.Default, c => set.Add(c));

        FirstIndex(values, v => v.EmaFast).ShouldBe(8);
        FirstIndex(values, v => v.EmaMid).ShouldBe(20);
        FirstIndex(values, v => v.EmaSlow).ShouldBe(49);
        FirstIndex(values, v => v.Rsi).ShouldBe(14);
        FirstIndex(values, v => v.Macd).ShouldBe(25);
        FirstIndex(values, v => v.MacdSignal).ShouldBe(33);
        FirstIndex(values, v => v.Roc).ShouldBe(12);
        FirstIndex(values, v => v.PlusDi).ShouldBe(14);
        FirstIndex(values, v => v.Adx).ShouldBe(27);
        FirstIndex(values, v => v.Atr).ShouldBe(14);
        FirstIndex(values, v => v.BollingerMiddle).ShouldBe(19);
        FirstIndex(values, v => v.KeltnerMiddle).ShouldBe(19);
        FirstIndex(values, v => v.Vwap).ShouldBe(0);
        FirstIndex(values, v => v.VolumeRatio).ShouldBe(19);
        values[0].Obv.ShouldBe(0);
    }

    [Fact]
    public void Add_OutOfOrderCandle_ThrowsNamingBothTimestampsAndChangesNothing()
    {
        var candles = RandomCandles.Generate(60, 3, 100m, 2);
        var reference = new IndicatorSetStream();
        var expected = StreamRun.Over(candles, c => reference.Add(c));

        var set = new IndicatorSetStream();
        for (var i = 0; i < 40; i++)
        {
            set.Add(candles[i]);
        }

        var stale = candles[10] with { Close = candles[10].Close * 2 };
        var ex = Should.Throw<ArgumentException>(() => set.Add(stale));
        ex.Message.ShouldContain(candles[10].Timestamp.ToString("O"));
        ex.Message.ShouldContain(candles[39].Timestamp.ToString("O"));
        Should.Throw<ArgumentException>(() => set.Add(candles[39])); // equal timestamps are not increasing
        set.Last!.Timestamp.ShouldBe(candles[39].Timestamp);

        for (var i = 40; i < 60; i++)
        {
            set.Add(candles[i]).ShouldBe(expected[i]);
        }
    }

    [Theory]
    [InlineData("EmaFast")]
    [InlineData("Rsi")]
    [InlineData("Adx")]
    [InlineData("MacdSlow")]
    [InlineData("BollingerStdDevs")]
    [InlineData("KeltnerMultiplier")]
    [InlineData("VolumeMa")]
    public void Constructor_InvalidSetting_ThrowsNamingTheSetting(string setting)
    {
        var settings = setting switch
        {
            "EmaFast" => new IndicatorSettings { EmaFast = 0 },
            "Rsi" => new IndicatorSettings { Rsi = -3 },
            "Adx" => new IndicatorSettings { Adx = 1 },
            "MacdSlow" => new IndicatorSettings { MacdFast = 26, MacdSlow = 12 },
            "BollingerStdDevs" => new IndicatorSettings { BollingerStdDevs = double.NaN },
            "KeltnerMultiplier" => new IndicatorSettings { KeltnerMultiplier = 0 },
            "VolumeMa" => new IndicatorSettings { VolumeMa = 0 },
            _ => throw new InvalidOperationException(setting),
        };

        var ex = Should.Throw<ArgumentOutOfRangeException>(() => new IndicatorSetStream(settings));
        ex.ParamName.ShouldBe(setting);
        ex.Message.ShouldContain(setting);
    }

    private static int FirstIndex(IndicatorValues[] values, Func<IndicatorValues, double?> field)
    {
        var index = Array.FindIndex(values, v => field(v) is not null);
        values.Skip(index).ShouldAllBe(v => field(v) != null, "once warm, the value stays present on moving prices");
        return index;
    }

    private static void Same(string name, IEnumerable<double?> batch, IEnumerable<double?> stream)
    {
        var failures = SeriesComparison.Differences(name, batch.ToList(), stream.ToList());
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }
}
