using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class CandleAggregationTests
{
    private static readonly DateTime Start = SimulatedMarketOptions.DefaultStart;

    private static List<Candle> SimulatedMinutes(int minutes, DateTime? from = null)
    {
        var options = new SimulatedMarketOptions { Seed = 17, Start = from ?? Start };
        return new SimulatedCandleSource(options).GetCandles(Pair.BtcUsdt, options.Start, options.Start.AddMinutes(minutes)).ToList();
    }

    private static List<Candle> Streamed(IEnumerable<Candle> candles, Timeframe timeframe)
    {
        var aggregator = new CandleAggregator(timeframe);
        var result = new List<Candle>();
        foreach (var candle in candles)
        {
            if (aggregator.Add(candle) is { } completed)
            {
                result.Add(completed);
            }
        }

        if (aggregator.Current is { } last)
        {
            result.Add(last);
        }

        return result;
    }

    [Theory]
    [InlineData(Timeframe.M5)]
    [InlineData(Timeframe.M15)]
    [InlineData(Timeframe.H1)]
    [InlineData(Timeframe.H4)]
    [InlineData(Timeframe.D1)]
    public void Aggregate_BatchEqualsStreaming(Timeframe timeframe)
    {
        // three days starting mid-hour, with a few minutes and a whole hour missing
        var candles = SimulatedMinutes(3 * 1440, Start.AddMinutes(37))
            .Where((_, i) => i % 97 != 5 && i is not (>= 600 and < 660))
            .ToList();

        candles.Aggregate(timeframe).ShouldBe(Streamed(candles, timeframe));
    }

    [Fact]
    public void Aggregate_Hour_OpenFirstHighMaxLowMinCloseLastVolumeSum()
    {
        var candles = SimulatedMinutes(180);

        var hours = candles.Aggregate(Timeframe.H1);

        hours.Count.ShouldBe(3);
        for (var h = 0; h < 3; h++)
        {
            var bucket = candles.GetRange(h * 60, 60);
            hours[h].ShouldBe(new Candle(
                Start.AddHours(h),
                bucket[0].Open,
                bucket.Max(c => c.High),
                bucket.Min(c => c.Low),
                bucket[^1].Close,
                bucket.Sum(c => c.Volume),
                bucket.Sum(c => c.Trades)));
        }
    }

    [Fact]
    public void Aggregate_FourHours_BucketsAlignedToUtcAndLastPartialBarKept()
    {
        var candles = SimulatedMinutes(600, Start.AddMinutes(90)); // 01:30 .. 11:29

        var bars = candles.Aggregate(Timeframe.H4);

        bars.Select(b => b.Timestamp).ShouldBe([Start, Start.AddHours(4), Start.AddHours(8)]);
        bars[0].Open.ShouldBe(candles[0].Open);
        bars[^1].Close.ShouldBe(candles[^1].Close);
        bars.Sum(b => b.Volume).ShouldBe(candles.Sum(c => c.Volume));
    }

    [Fact]
    public void Aggregate_Gaps_LeaveShorterBarsAndNoEmptyOnes()
    {
        var candles = SimulatedMinutes(300).Where(c => c.Timestamp.Hour != 2 && !(c.Timestamp.Hour == 1 && c.Timestamp.Minute < 30)).ToList();

        var hours = candles.Aggregate(Timeframe.H1);

        hours.Select(h => h.Timestamp.Hour).ShouldBe([0, 1, 3, 4]);
        hours[1].Open.ShouldBe(candles.First(c => c.Timestamp.Hour == 1).Open);
        hours[1].Volume.ShouldBe(candles.Where(c => c.Timestamp.Hour == 1).Sum(c => c.Volume));
    }

    [Fact]
    public void Aggregate_ReferenceHoursToDays_MatchesHandComputedFirstDay()
    {
        var hours = CandleCsv.Read(ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv"));

        var days = hours.Aggregate(Timeframe.D1);

        var first = hours.Where(c => c.Timestamp.Date == new DateTime(2023, 1, 1)).ToList();
        first.Count.ShouldBe(24);
        days[0].ShouldBe(new Candle(new DateTime(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc), first[0].Open, first.Max(c => c.High),
            first.Min(c => c.Low), first[^1].Close, first.Sum(c => c.Volume)));
        days.Count.ShouldBe(639); // 2023-01-01 .. 2024-09-30
    }

    [Fact]
    public void Aggregate_Empty_ReturnsEmpty() =>
        Array.Empty<Candle>().Aggregate(Timeframe.H1).ShouldBeEmpty();

    [Fact]
    public void Aggregate_OutOfOrderWithinBucket_Throws()
    {
        var candles = SimulatedMinutes(10);
        (candles[3], candles[4]) = (candles[4], candles[3]);

        Should.Throw<ArgumentException>(() => candles.Aggregate(Timeframe.M15)).Message.ShouldContain("increasing time");
    }

    [Fact]
    public void Aggregator_SameTimestampTwice_Throws()
    {
        var candles = SimulatedMinutes(2);
        var aggregator = new CandleAggregator(Timeframe.M5);
        aggregator.Add(candles[0]);

        Should.Throw<ArgumentException>(() => aggregator.Add(candles[0]));
    }

    [Fact]
    public void Aggregator_Flush_ReturnsPartialBucketAndStartsOver()
    {
        var candles = SimulatedMinutes(3);
        var aggregator = new CandleAggregator(Timeframe.H1);
        aggregator.Add(candles[0]);
        aggregator.Add(candles[1]);

        aggregator.Flush()!.Value.Close.ShouldBe(candles[1].Close);
        aggregator.Current.ShouldBeNull();
        aggregator.Add(candles[0]).ShouldBeNull();
        aggregator.Current!.Value.Open.ShouldBe(candles[0].Open);
    }
}
