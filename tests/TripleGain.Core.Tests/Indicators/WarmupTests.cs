using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>Where each indicator's first value appears (Skender's warm-up), in the batch and the streaming forms.</summary>
public sealed class WarmupTests
{
    private static readonly List<Candle> Candles = RandomCandles.Generate(300, 19, 100m, 2);

    public static TheoryData<string, int> FirstValues() => new()
    {
        { "ema 20", 19 }, { "ema 1", 0 }, { "sma 20", 19 }, { "rsi 14", 14 }, { "rsi 1", 1 },
        { "macd", 25 }, { "macd signal", 33 }, { "macd fast", 11 }, { "roc 12", 12 },
        { "tr", 1 }, { "atr 14", 14 }, { "atrp 14", 14 },
        { "pdi 14", 14 }, { "dx 14", 14 }, { "adx 14", 27 }, { "adxr 14", 41 }, { "adx 2", 3 },
        { "bb 20", 19 }, { "bb %b 20", 19 }, { "kc 20/2/10", 19 }, { "kc 10/2/20", 20 },
        { "obv", 0 }, { "vwap", 0 }, { "volume sma 20", 19 }, { "volume ratio 20", 19 },
    };

    [Theory]
    [MemberData(nameof(FirstValues))]
    public void Batch_FirstValue_AppearsAtTheWarmupIndexAndStays(string indicator, int expected)
    {
        var values = Batch(indicator);
        FirstIndex(values).ShouldBe(expected);
        values.Skip(expected).ShouldAllBe(v => v != null);
    }

    [Theory]
    [MemberData(nameof(FirstValues))]
    public void Stream_FirstValue_AppearsAtTheWarmupIndexAndStays(string indicator, int expected)
    {
        var values = Stream(indicator);
        FirstIndex(values).ShouldBe(expected);
        values.Skip(expected).ShouldAllBe(v => v != null);
    }

    [Fact]
    public void Streams_WarmingUp_ReturnNullForEveryField()
    {
        var candle = Candles[0];
        new EmaStream(2).Add(candle).Ema.ShouldBeNull();
        new SmaStream(2).Add(candle).Sma.ShouldBeNull();
        new RsiStream(14).Add(candle).Rsi.ShouldBeNull();
        new MacdStream().Add(candle).ShouldBe(new MacdResult(candle.Timestamp, null, null, null, null, null));
        new RocStream(1).Add(candle).ShouldBe(new RocResult(candle.Timestamp, null, null));
        new AtrStream(2).Add(candle).ShouldBe(new AtrResult(candle.Timestamp, null, null, null));
        new AdxStream(2).Add(candle).ShouldBe(new AdxResult(candle.Timestamp, null, null, null, null, null));
        new BollingerBandsStream(2).Add(candle).ShouldBe(new BollingerBandsResult(candle.Timestamp, null, null, null, null, null, null));
        new KeltnerStream(2, 2, 2).Add(candle).ShouldBe(new KeltnerResult(candle.Timestamp, null, null, null, null));
        new VolumeRatioStream(2).Add(candle).ShouldBe(new VolumeRatioResult(candle.Timestamp, null, null));
    }

    [Fact]
    public void ToEma_ValuesWithLeadingNulls_SeedsFromTheFirstPresentValues()
    {
        double?[] values = [null, null, 1, 2, 3, 4];
        var ema = values.ToEma(3);
        ema.ShouldBe([null, null, null, null, 2.0, 3.0]);

        var stream = new EmaStream(3);
        values.Select(stream.Add).ShouldBe(ema);
    }

    [Fact]
    public void ToSma_ValuesWithLeadingNulls_WindowsThePresentValues()
    {
        double?[] values = [null, 1, 2, 3, null, 6];
        var sma = values.ToSma(2);
        sma.ShouldBe([null, null, 1.5, 2.5, null, 4.5]);

        var stream = new SmaStream(2);
        values.Select(stream.Add).ShouldBe(sma);
    }

    private static IReadOnlyList<double?> Batch(string indicator) => indicator switch
    {
        "ema 20" => Candles.ToEma(20).Select(r => r.Ema).ToList(),
        "ema 1" => Candles.ToEma(1).Select(r => r.Ema).ToList(),
        "sma 20" => Candles.ToSma(20).Select(r => r.Sma).ToList(),
        "rsi 14" => Candles.ToRsi(14).Select(r => r.Rsi).ToList(),
        "rsi 1" => Candles.ToRsi(1).Select(r => r.Rsi).ToList(),
        "macd" => Candles.ToMacd().Select(r => r.Macd).ToList(),
        "macd signal" => Candles.ToMacd().Select(r => r.Histogram is null ? null : r.Signal).ToList(),
        "macd fast" => Candles.ToMacd().Select(r => r.FastEma).ToList(),
        "roc 12" => Candles.ToRoc(12).Select(r => r.Roc).ToList(),
        "tr" => Candles.ToAtr(14).Select(r => r.Tr).ToList(),
        "atr 14" => Candles.ToAtr(14).Select(r => r.Atr).ToList(),
        "atrp 14" => Candles.ToAtr(14).Select(r => r.Atrp).ToList(),
        "pdi 14" => Candles.ToAdx(14).Select(r => r.Pdi).ToList(),
        "dx 14" => Candles.ToAdx(14).Select(r => r.Dx).ToList(),
        "adx 14" => Candles.ToAdx(14).Select(r => r.Adx).ToList(),
        "adxr 14" => Candles.ToAdx(14).Select(r => r.Adxr).ToList(),
        "adx 2" => Candles.ToAdx(2).Select(r => r.Adx).ToList(),
        "bb 20" => Candles.ToBollingerBands(20, 2).Select(r => r.UpperBand).ToList(),
        "bb %b 20" => Candles.ToBollingerBands(20, 2).Select(r => r.PercentB).ToList(),
        "kc 20/2/10" => Candles.ToKeltner(20, 2, 10).Select(r => r.UpperBand).ToList(),
        "kc 10/2/20" => Candles.ToKeltner(10, 2, 20).Select(r => r.Width).ToList(),
        "obv" => Candles.ToObv().Select(r => (double?)r.Obv).ToList(),
        "vwap" => Candles.ToVwap().Select(r => r.Vwap).ToList(),
        "volume sma 20" => Candles.ToVolumeRatio(20).Select(r => r.VolumeSma).ToList(),
        "volume ratio 20" => Candles.ToVolumeRatio(20).Select(r => r.Ratio).ToList(),
        _ => throw new InvalidOperationException(indicator),
    };

    private static IReadOnlyList<double?> Stream(string indicator)
    {
        switch (indicator)
        {
            case "ema 20": { var s = new EmaStream(20); return StreamRun.Over(Candles, c => s.Add(c).Ema); }
            case "ema 1": { var s = new EmaStream(1); return StreamRun.Over(Candles, c => s.Add(c).Ema); }
            case "sma 20": { var s = new SmaStream(20); return StreamRun.Over(Candles, c => s.Add(c).Sma); }
            case "rsi 14": { var s = new RsiStream(14); return StreamRun.Over(Candles, c => s.Add(c).Rsi); }
            case "rsi 1": { var s = new RsiStream(1); return StreamRun.Over(Candles, c => s.Add(c).Rsi); }
            case "macd": { var s = new MacdStream(); return StreamRun.Over(Candles, c => s.Add(c).Macd); }
            case "macd signal": { var s = new MacdStream(); return StreamRun.Over(Candles, c => s.Add(c) is { Histogram: not null } r ? r.Signal : null); }
            case "macd fast": { var s = new MacdStream(); return StreamRun.Over(Candles, c => s.Add(c).FastEma); }
            case "roc 12": { var s = new RocStream(12); return StreamRun.Over(Candles, c => s.Add(c).Roc); }
            case "tr": { var s = new AtrStream(14); return StreamRun.Over(Candles, c => s.Add(c).Tr); }
            case "atr 14": { var s = new AtrStream(14); return StreamRun.Over(Candles, c => s.Add(c).Atr); }
            case "atrp 14": { var s = new AtrStream(14); return StreamRun.Over(Candles, c => s.Add(c).Atrp); }
            case "pdi 14": { var s = new AdxStream(14); return StreamRun.Over(Candles, c => s.Add(c).Pdi); }
            case "dx 14": { var s = new AdxStream(14); return StreamRun.Over(Candles, c => s.Add(c).Dx); }
            case "adx 14": { var s = new AdxStream(14); return StreamRun.Over(Candles, c => s.Add(c).Adx); }
            case "adxr 14": { var s = new AdxStream(14); return StreamRun.Over(Candles, c => s.Add(c).Adxr); }
            case "adx 2": { var s = new AdxStream(2); return StreamRun.Over(Candles, c => s.Add(c).Adx); }
            case "bb 20": { var s = new BollingerBandsStream(20, 2); return StreamRun.Over(Candles, c => s.Add(c).UpperBand); }
            case "bb %b 20": { var s = new BollingerBandsStream(20, 2); return StreamRun.Over(Candles, c => s.Add(c).PercentB); }
            case "kc 20/2/10": { var s = new KeltnerStream(20, 2, 10); return StreamRun.Over(Candles, c => s.Add(c).UpperBand); }
            case "kc 10/2/20": { var s = new KeltnerStream(10, 2, 20); return StreamRun.Over(Candles, c => s.Add(c).Width); }
            case "obv": { var s = new ObvStream(); return StreamRun.Over(Candles, c => (double?)s.Add(c).Obv); }
            case "vwap": { var s = new VwapStream(); return StreamRun.Over(Candles, c => s.Add(c).Vwap); }
            case "volume sma 20": { var s = new VolumeRatioStream(20); return StreamRun.Over(Candles, c => s.Add(c).VolumeSma); }
            case "volume ratio 20": { var s = new VolumeRatioStream(20); return StreamRun.Over(Candles, c => s.Add(c).Ratio); }
            default: throw new InvalidOperationException(indicator);
        }
    }

    private static int FirstIndex(IReadOnlyList<double?> values) => values.ToList().FindIndex(v => v is not null);
}
