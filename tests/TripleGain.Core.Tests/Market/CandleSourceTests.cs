using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class CandleSourceTests
{
    private static readonly DateTime Start = SimulatedMarketOptions.DefaultStart;

    private static Candle At(DateTime time, decimal price = 100m) => new(time, price, price + 1, price - 1, price, 1m);

    [Fact]
    public void Simulated_GetCandles_SameCandleWhateverTheWindow()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = 4 });
        var whole = source.GetCandles(Pair.XrpUsdt, Start, Start.AddMinutes(300)).ToList();
        var window = source.GetCandles(Pair.XrpUsdt, Start.AddMinutes(100), Start.AddMinutes(200)).ToList();

        window.ShouldBe(whole.GetRange(100, 100));
    }

    [Fact]
    public void Simulated_GetCandles_HalfOpenRangeOfOneMinuteCandles()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions());
        var candles = source.GetCandles(Pair.BtcUsdt, Start.AddHours(1), Start.AddHours(3)).ToList();

        candles.Count.ShouldBe(120);
        candles[0].Timestamp.ShouldBe(Start.AddHours(1));
        candles[^1].Timestamp.ShouldBe(Start.AddHours(3).AddMinutes(-1));
        candles.Zip(candles.Skip(1)).ShouldAllBe(p => p.Second.Timestamp - p.First.Timestamp == TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Simulated_GetBars_OrderedByTimeThenPairAndEqualToPerPairCandles()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = 12 });
        var from = Start.AddMinutes(10);
        var to = Start.AddMinutes(70);
        var bars = source.GetBars(from, to).ToList();

        bars.Count.ShouldBe(180);
        for (var i = 0; i < bars.Count; i++)
        {
            bars[i].Pair.ShouldBe(Pair.All[i % 3]);
            bars[i].Timestamp.ShouldBe(from.AddMinutes(i / 3));
        }

        foreach (var pair in Pair.All)
        {
            bars.Where(b => b.Pair == pair).Select(b => b.Candle).ShouldBe(source.GetCandles(pair, from, to));
        }
    }

    [Fact]
    public void Simulated_PairSubset_ServesOnlyThoseInGivenOrder()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions(), [Pair.XrpBtc, Pair.BtcUsdt]);
        var bars = source.GetBars(Start, Start.AddMinutes(2)).ToList();

        source.Pairs.ShouldBe([Pair.XrpBtc, Pair.BtcUsdt]);
        bars.Select(b => b.Pair).ShouldBe([Pair.XrpBtc, Pair.BtcUsdt, Pair.XrpBtc, Pair.BtcUsdt]);
        Should.Throw<ArgumentException>(() => source.GetCandles(Pair.XrpUsdt, Start, Start.AddMinutes(1))).Message.ShouldContain("XRP/USDT");
    }

    [Fact]
    public void Simulated_FromBeforeStart_ThrowsNamingStart()
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions());

        Should.Throw<ArgumentOutOfRangeException>(() => source.GetBars(Start.AddMinutes(-1), Start)).Message.ShouldContain("2025-01-01T00:00Z");
    }

    [Fact]
    public void Simulated_UnknownPair_Throws() =>
        Should.Throw<ArgumentException>(() => new SimulatedCandleSource(new SimulatedMarketOptions(), [new Pair(Asset.BTC, Asset.XRP)]));

    [Fact]
    public void Memory_GetBars_MergesSeriesWithGapsByTimeThenPair()
    {
        var t = Start;
        var source = new MemoryCandleSource(new Dictionary<Pair, IReadOnlyList<Candle>>
        {
            [Pair.XrpUsdt] = [At(t), At(t.AddMinutes(2))],
            [Pair.BtcUsdt] = [At(t.AddMinutes(1)), At(t.AddMinutes(2)), At(t.AddMinutes(3))],
        });

        var bars = source.GetBars(t, t.AddMinutes(10)).Select(b => (b.Pair, b.Timestamp)).ToList();

        source.Pairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt]);
        bars.ShouldBe([
            (Pair.XrpUsdt, t),
            (Pair.BtcUsdt, t.AddMinutes(1)),
            (Pair.BtcUsdt, t.AddMinutes(2)),
            (Pair.XrpUsdt, t.AddMinutes(2)),
            (Pair.BtcUsdt, t.AddMinutes(3)),
        ]);
        source.GetCandles(Pair.BtcUsdt, t.AddMinutes(2), t.AddMinutes(3)).Select(c => c.Timestamp).ShouldBe([t.AddMinutes(2)]);
    }

    [Fact]
    public void Memory_UnsortedSeries_ThrowsNamingPair()
    {
        var error = Should.Throw<ArgumentException>(() => new MemoryCandleSource(new Dictionary<Pair, IReadOnlyList<Candle>>
        {
            [Pair.XrpBtc] = [At(Start.AddMinutes(1)), At(Start)],
        }));

        error.Message.ShouldContain("XRP/BTC");
    }

    [Fact]
    public void Merge_SeriesGoingBack_Throws()
    {
        IEnumerable<Candle> backwards = [At(Start.AddMinutes(1)), At(Start)];

        Should.Throw<InvalidOperationException>(() => MarketBar.Merge([Pair.BtcUsdt], [backwards]).ToList()).Message.ShouldContain("BTC/USDT");
    }

    [Fact]
    public void Merge_PairAndSeriesCountsDiffer_Throws() =>
        Should.Throw<ArgumentException>(() => MarketBar.Merge([Pair.BtcUsdt, Pair.XrpUsdt], [Array.Empty<Candle>()]));

    [Fact]
    public void Csv_FromDirectory_ServesTheSameBarsAsTheSimulation()
    {
        using var folder = new TempFolder();
        var simulated = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = 21 });
        var to = Start.AddHours(2);
        foreach (var pair in Pair.All)
        {
            CandleCsv.Write(folder.File(CsvCandleSource.FileName(pair, Timeframe.M1)), simulated.GetCandles(pair, Start, to), CandleFileFormat.Kraken);
        }

        var csv = CsvCandleSource.FromDirectory(folder.Path);

        csv.Pairs.ShouldBe(Pair.All);
        csv.GetBars(Start.AddMinutes(30), to).ShouldBe(simulated.GetBars(Start.AddMinutes(30), to));
    }

    [Fact]
    public void Csv_FromDirectory_PrefersFinestTimeframeAndSkipsMissingPairs()
    {
        using var folder = new TempFolder();
        var candles = new SimulatedCandleSource(new SimulatedMarketOptions()).GetCandles(Pair.BtcUsdt, Start, Start.AddHours(3)).ToList();
        CandleCsv.Write(folder.File("BTC-USDT_1h.csv"), candles.Aggregate(Timeframe.H1));
        CandleCsv.Write(folder.File("BTC-USDT_1m.csv"), candles);

        var csv = CsvCandleSource.FromDirectory(folder.Path);

        csv.Pairs.ShouldBe([Pair.BtcUsdt]);
        csv.GetAll(Pair.BtcUsdt).Count.ShouldBe(180);
    }

    [Fact]
    public void Csv_FromDirectoryWithoutFiles_ThrowsNamingExpectedNames()
    {
        using var folder = new TempFolder();

        Should.Throw<FileNotFoundException>(() => CsvCandleSource.FromDirectory(folder.Path)).Message.ShouldContain("BTC-USDT_1m.csv");
    }

    [Fact]
    public void Csv_MissingFile_ThrowsNamingPairAndPath() =>
        Should.Throw<FileNotFoundException>(() => new CsvCandleSource(new Dictionary<Pair, string> { [Pair.XrpUsdt] = "/nonexistent/x.csv" }))
            .Message.ShouldContain("XRP/USDT");

    [Fact]
    public void Csv_BadFile_ThrowsCandleFormatExceptionOnFirstUse()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.csv", "1725148800,1,2,0.5,1,-3,1\n");
        var source = new CsvCandleSource(new Dictionary<Pair, string> { [Pair.BtcUsdt] = path });

        var error = Should.Throw<CandleFormatException>(() => source.GetCandles(Pair.BtcUsdt, DateTime.MinValue, DateTime.MaxValue).ToList());

        error.Source.ShouldBe(path);
        error.Line.ShouldBe(1);
    }

    [Fact]
    public void Csv_ReferenceKrakenFile_RangeQueryUsesOpenTimes()
    {
        var path = ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv");
        var source = new CsvCandleSource(new Dictionary<Pair, string> { [Pair.BtcUsdt] = path }, CandleFileFormat.Kraken);
        var day = new DateTime(2024, 9, 15, 0, 0, 0, DateTimeKind.Utc);

        var candles = source.GetCandles(Pair.BtcUsdt, day, day.AddDays(1)).ToList();

        candles.Count.ShouldBe(24);
        candles[0].Timestamp.ShouldBe(day);
        candles[^1].Timestamp.ShouldBe(day.AddHours(23));
    }
}
