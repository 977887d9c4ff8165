using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>
/// The O(1) streams give the batch numbers (to 1e-9 relative, nulls in the same places) on long seeded random walks
/// that include flat zero-volume stretches, repeated closes, time gaps and UTC day boundaries, at three price scales.
/// </summary>
public sealed class StreamingMatchesBatchTests
{
    private const int Length = 50_000;

    public static TheoryData<int, decimal, int> Series() => new()
    {
        { 11, 100m, 2 },      // an equity-like price with cents
        { 23, 60_000m, 1 },   // BTC/USDT-like: large prices stress the sums of squares
        { 37, 0.5m, 5 },      // XRP/USDT-like
    };

    [Theory]
    [MemberData(nameof(Series))]
    public void EmaAndSmaStreams_RandomWalk_MatchBatch(int seed, decimal price, int decimals)
    {
        var candles = RandomCandles.Generate(Length, seed, price, decimals);
        foreach (var period in new[] { 1, 9, 21, 50, 200 })
        {
            var ema = new EmaStream(period);
            Same($"ema({period})", candles.ToEma(period).Select(r => r.Ema), StreamRun.Over(candles, c => ema.Add(c).Ema));
            var sma = new SmaStream(period);
            Same($"sma({period})", candles.ToSma(period).Select(r => r.Sma), StreamRun.Over(candles, c => sma.Add(c).Sma));
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void MomentumStreams_RandomWalk_MatchBatch(int seed, decimal price, int decimals)
    {
        var candles = RandomCandles.Generate(Length, seed, price, decimals);
        var rsi = new RsiStream(14);
        Same("rsi", candles.ToRsi(14).Select(r => r.Rsi), StreamRun.Over(candles, c => rsi.Add(c).Rsi));

        var macdBatch = candles.ToMacd(12, 26, 9);
        var macdStream = new MacdStream(12, 26, 9);
        var macd = StreamRun.Over(candles, c => macdStream.Add(c));
        Same("macd", macdBatch.Select(r => r.Macd), macd.Select(r => r.Macd));
        Same("macd signal", macdBatch.Select(r => r.Signal), macd.Select(r => r.Signal));
        Same("macd histogram", macdBatch.Select(r => r.Histogram), macd.Select(r => r.Histogram));
        Same("macd fast", macdBatch.Select(r => r.FastEma), macd.Select(r => r.FastEma));
        Same("macd slow", macdBatch.Select(r => r.SlowEma), macd.Select(r => r.SlowEma));

        var rocBatch = candles.ToRoc(12);
        var rocStream = new RocStream(12);
        var roc = StreamRun.Over(candles, c => rocStream.Add(c));
        Same("roc", rocBatch.Select(r => r.Roc), roc.Select(r => r.Roc));
        Same("momentum", rocBatch.Select(r => r.Momentum), roc.Select(r => r.Momentum));
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void VolatilityStreams_RandomWalk_MatchBatch(int seed, decimal price, int decimals)
    {
        var candles = RandomCandles.Generate(Length, seed, price, decimals);
        var atrBatch = candles.ToAtr(14);
        var atrStream = new AtrStream(14);
        var atr = StreamRun.Over(candles, c => atrStream.Add(c));
        Same("tr", atrBatch.Select(r => r.Tr), atr.Select(r => r.Tr));
        Same("atr", atrBatch.Select(r => r.Atr), atr.Select(r => r.Atr));
        Same("atrp", atrBatch.Select(r => r.Atrp), atr.Select(r => r.Atrp));

        var adxBatch = candles.ToAdx(14);
        var adxStream = new AdxStream(14);
        var adx = StreamRun.Over(candles, c => adxStream.Add(c));
        Same("pdi", adxBatch.Select(r => r.Pdi), adx.Select(r => r.Pdi));
        Same("mdi", adxBatch.Select(r => r.Mdi), adx.Select(r => r.Mdi));
        Same("dx", adxBatch.Select(r => r.Dx), adx.Select(r => r.Dx));
        Same("adx", adxBatch.Select(r => r.Adx), adx.Select(r => r.Adx));
        Same("adxr", adxBatch.Select(r => r.Adxr), adx.Select(r => r.Adxr));

        var kcBatch = candles.ToKeltner(20, 2, 10);
        var kcStream = new KeltnerStream(20, 2, 10);
        var kc = StreamRun.Over(candles, c => kcStream.Add(c));
        Same("kc upper", kcBatch.Select(r => r.UpperBand), kc.Select(r => r.UpperBand));
        Same("kc centre", kcBatch.Select(r => r.Centerline), kc.Select(r => r.Centerline));
        Same("kc lower", kcBatch.Select(r => r.LowerBand), kc.Select(r => r.LowerBand));
        Same("kc width", kcBatch.Select(r => r.Width), kc.Select(r => r.Width));
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void BollingerStream_RandomWalk_MatchesBatch(int seed, decimal price, int decimals)
    {
        var candles = RandomCandles.Generate(Length, seed, price, decimals);
        foreach (var (period, k) in new[] { (20, 2.0), (2, 1.5), (100, 3.0) })
        {
            var batch = candles.ToBollingerBands(period, k);
            var stream = new BollingerBandsStream(period, k);
            var bb = StreamRun.Over(candles, c => stream.Add(c));
            Same($"bb({period}) sma", batch.Select(r => r.Sma), bb.Select(r => r.Sma));
            Same($"bb({period}) upper", batch.Select(r => r.UpperBand), bb.Select(r => r.UpperBand));
            Same($"bb({period}) lower", batch.Select(r => r.LowerBand), bb.Select(r => r.LowerBand));
            Same($"bb({period}) %b", batch.Select(r => r.PercentB), bb.Select(r => r.PercentB));
            Same($"bb({period}) z", batch.Select(r => r.ZScore), bb.Select(r => r.ZScore));
            Same($"bb({period}) width", batch.Select(r => r.Width), bb.Select(r => r.Width));
        }
    }

    [Theory]
    [MemberData(nameof(Series))]
    public void VolumeStreams_RandomWalk_MatchBatch(int seed, decimal price, int decimals)
    {
        var candles = RandomCandles.Generate(Length, seed, price, decimals);
        var obv = new ObvStream();
        Same("obv", candles.ToObv().Select(r => (double?)r.Obv), StreamRun.Over(candles, c => (double?)obv.Add(c).Obv));

        foreach (var anchor in new[] { VwapAnchor.UtcDay, VwapAnchor.FirstBar })
        {
            var vwap = new VwapStream(anchor);
            Same($"vwap {anchor}", candles.ToVwap(anchor).Select(r => r.Vwap), StreamRun.Over(candles, c => vwap.Add(c).Vwap));
        }

        var ratioBatch = candles.ToVolumeRatio(20);
        var ratioStream = new VolumeRatioStream(20);
        var ratio = StreamRun.Over(candles, c => ratioStream.Add(c));
        Same("volume sma", ratioBatch.Select(r => r.VolumeSma), ratio.Select(r => r.VolumeSma));
        Same("volume ratio", ratioBatch.Select(r => r.Ratio), ratio.Select(r => r.Ratio));
    }

    [Fact]
    public void RandomCandles_Generated_ContainTheAwkwardCases()
    {
        // guards the premise of the tests above: flat zero-volume windows, repeated closes, gaps and day changes occur
        var candles = RandomCandles.Generate(Length, 11, 100m, 2);
        var flatRun = 0;
        var longestFlat = 0;
        foreach (var c in candles)
        {
            flatRun = c.Volume == 0 && c.High == c.Low ? flatRun + 1 : 0;
            longestFlat = Math.Max(longestFlat, flatRun);
        }

        longestFlat.ShouldBeGreaterThanOrEqualTo(20);
        candles.Zip(candles.Skip(1)).Count(p => p.First.Close == p.Second.Close && p.Second.Volume > 0).ShouldBeGreaterThan(100);
        candles.Zip(candles.Skip(1)).Count(p => p.Second.Timestamp - p.First.Timestamp > TimeSpan.FromMinutes(1)).ShouldBeGreaterThan(0);
        candles.Select(c => c.Timestamp.Date).Distinct().Count().ShouldBeGreaterThan(30);
        candles.ToBollingerBands(20, 2).Count(r => r.Sma is not null && r.PercentB is null).ShouldBeGreaterThan(0);
        candles.ToVolumeRatio(20).Count(r => r.VolumeSma is not null && r.Ratio is null).ShouldBeGreaterThan(0);
    }

    private static void Same(string name, IEnumerable<double?> batch, IEnumerable<double?> stream)
    {
        var failures = SeriesComparison.Differences(name, batch.ToList(), stream.ToList());
        failures.ShouldBeEmpty(string.Join(Environment.NewLine, failures));
    }
}
