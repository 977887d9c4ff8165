using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

/// <summary>Most of these run the real <see cref="TripleGain.Core.Indicators.IndicatorSetStream"/>.</summary>
public class PairTrackerTests
{
    private static readonly DateTime Ten = new(2025, 3, 10, 10, 0, 0, DateTimeKind.Utc);

    /// <summary>Feeds minutes [from, to) after 10:00, closing at 100 + minute.</summary>
    private static void Feed(PairTracker tracker, int from, int to)
    {
        for (var minute = from; minute < to; minute++)
        {
            tracker.Add(Minute(Ten.AddMinutes(minute), 100m + minute, volume: 2m));
        }
    }

    [Fact]
    public void Add_FirstFourMinutes_CompleteNoFiveMinuteCandle()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        Feed(tracker, 0, 4);

        tracker.Recent(Timeframe.M5).Count.ShouldBe(0);
        tracker.Latest(Timeframe.M5).ShouldBeNull();
        tracker.Recent(Timeframe.M1).Count.ShouldBe(4);
    }

    [Fact]
    public void Add_FifthMinute_CompletesTheFiveMinuteCandleWithAggregatedValues()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        Feed(tracker, 0, 5);

        var bar = tracker.Recent(Timeframe.M5).ShouldHaveSingleItem();
        bar.ShouldBe(new Candle(Ten, 100m, 105m, 99m, 104m, 10m, 5));
        var values = tracker.Latest(Timeframe.M5).ShouldNotBeNull();
        values.Timestamp.ShouldBe(Ten);
        values.Close.ShouldBe(104d);
    }

    [Fact]
    public void Add_LastMinuteOfTheHour_CompletesTheHourCandle()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        Feed(tracker, 0, 59);
        tracker.Latest(Timeframe.H1).ShouldBeNull();
        Feed(tracker, 59, 60);

        tracker.Latest(Timeframe.H1).ShouldNotBeNull().Timestamp.ShouldBe(Ten);
        tracker.Recent(Timeframe.H1).ShouldHaveSingleItem().ShouldBe(new Candle(Ten, 100m, 160m, 99m, 159m, 120m, 60));
        tracker.Recent(Timeframe.M15).Count.ShouldBe(4);
        tracker.Recent(Timeframe.M5).Count.ShouldBe(12);
    }

    [Fact]
    public void Add_MinutesOfTheNextHour_LeaveHourValuesUnchangedUntilThatHourCompletes()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);
        Feed(tracker, 0, 60);
        var first = tracker.Latest(Timeframe.H1).ShouldNotBeNull();

        for (var minute = 60; minute < 119; minute++)
        {
            Feed(tracker, minute, minute + 1);
            tracker.Latest(Timeframe.H1).ShouldBeSameAs(first, $"after {Ten.AddMinutes(minute):HH:mm}");
        }

        Feed(tracker, 119, 120);
        var second = tracker.Latest(Timeframe.H1).ShouldNotBeNull();
        second.Timestamp.ShouldBe(Ten.AddHours(1));
        second.Close.ShouldBe(219d);
        first.Close.ShouldBe(159d);
    }

    [Fact]
    public void Add_EveryMinute_UpdatesOneMinuteValuesAndLastPrice()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        Feed(tracker, 0, 3);

        tracker.Latest(Timeframe.M1).ShouldNotBeNull().Timestamp.ShouldBe(Ten.AddMinutes(2));
        tracker.LastPrice.ShouldBe(102m);
        tracker.LastTimestamp.ShouldBe(Ten.AddMinutes(2));
        tracker.LastCandle.Close.ShouldBe(102m);
        tracker.CandleCount.ShouldBe(3);
    }

    [Fact]
    public void Add_LastMinuteOfBucketMissing_CompletesTheCandleWithTheNextOneOnlyOnce()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);
        Feed(tracker, 0, 4); // 10:00..10:03, 10:04 is missing

        Feed(tracker, 5, 6);
        var bar = tracker.Recent(Timeframe.M5).ShouldHaveSingleItem();
        bar.ShouldBe(new Candle(Ten, 100m, 104m, 99m, 103m, 8m, 4));

        Feed(tracker, 6, 10);
        tracker.Recent(Timeframe.M5).Select(c => c.Timestamp).ShouldBe([Ten, Ten.AddMinutes(5)]);
        tracker.Recent(Timeframe.M5)[1].Open.ShouldBe(105m);
    }

    [Fact]
    public void Add_CompletedBucket_IsNotFedAgainWhenTheNextBucketStarts()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);
        Feed(tracker, 0, 5);
        var values = tracker.Latest(Timeframe.M5);

        Feed(tracker, 5, 6);

        tracker.Recent(Timeframe.M5).Count.ShouldBe(1);
        tracker.Latest(Timeframe.M5).ShouldBeSameAs(values);
    }

    [Fact]
    public void Add_OneDayFromMidnight_CompletesEveryTimeframeTheRightNumberOfTimes()
    {
        var midnight = new DateTime(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc);
        var tracker = new PairTracker(Pair.XrpUsdt, new TrackerSettings { WindowSize = 300 });

        for (var minute = 0; minute < 1440; minute++)
        {
            tracker.Add(Minute(midnight.AddMinutes(minute), 10m + (minute % 7)));
        }

        tracker.Recent(Timeframe.M1).Count.ShouldBe(300);
        tracker.Recent(Timeframe.M5).Count.ShouldBe(288);
        tracker.Recent(Timeframe.M15).Count.ShouldBe(96);
        tracker.Recent(Timeframe.H1).Count.ShouldBe(24);
        tracker.Recent(Timeframe.H4).Count.ShouldBe(6);
        tracker.Recent(Timeframe.D1).ShouldHaveSingleItem().Timestamp.ShouldBe(midnight);
        tracker.Latest(Timeframe.H4).ShouldNotBeNull().Timestamp.ShouldBe(midnight.AddHours(20));
    }

    [Fact]
    public void Recent_MoreCandlesThanTheWindow_KeepsTheNewest()
    {
        var tracker = new PairTracker(Pair.BtcUsdt, new TrackerSettings { WindowSize = 3 });

        Feed(tracker, 0, 50);

        tracker.Recent(Timeframe.M5).Select(c => c.Timestamp).ShouldBe([Ten.AddMinutes(35), Ten.AddMinutes(40), Ten.AddMinutes(45)]);
        tracker.Recent(Timeframe.M1).Select(c => c.Close).ShouldBe([147m, 148m, 149m]);
    }

    [Fact]
    public void ToInput_AfterCandles_ListsTheTimeframesWithValuesInOrder()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);
        Feed(tracker, 0, 16);

        var input = tracker.ToInput().ShouldNotBeNull();

        input.Pair.ShouldBe(Pair.BtcUsdt);
        input.LastPrice.ShouldBe(115m);
        input.Timestamp.ShouldBe(Ten.AddMinutes(15));
        input.Timeframes.Select(t => t.Timeframe).ShouldBe([Timeframe.M1, Timeframe.M5, Timeframe.M15]);
        input.Timeframes[2].Values.ShouldBeSameAs(tracker.Latest(Timeframe.M15));
    }

    [Fact]
    public void ToInput_BeforeTheFirstCandle_IsNull()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        tracker.ToInput().ShouldBeNull();
        tracker.LastTimestamp.ShouldBeNull();
        tracker.LastPrice.ShouldBe(0m);
    }

    [Fact]
    public void Add_CandleNotAfterTheLast_ThrowsAndChangesNothing()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);
        Feed(tracker, 0, 3);

        var error = Should.Throw<ArgumentException>(() => tracker.Add(Minute(Ten.AddMinutes(2), 500m)));

        error.Message.ShouldContain("BTC/USDT candle at 2025-03-10T10:02:00");
        error.Message.ShouldContain("strictly increasing");
        tracker.CandleCount.ShouldBe(3);
        tracker.LastPrice.ShouldBe(102m);
        tracker.Recent(Timeframe.M1).Count.ShouldBe(3);
        Should.Throw<ArgumentException>(() => tracker.Add(Minute(Ten.AddMinutes(1), 500m)));
    }

    [Fact]
    public void Add_TimestampOffTheMinute_Throws()
    {
        var tracker = new PairTracker(Pair.BtcUsdt);

        Should.Throw<ArgumentException>(() => tracker.Add(Minute(Ten.AddSeconds(30), 100m))).Message.ShouldContain("opens on the minute");
        tracker.CandleCount.ShouldBe(0);
    }

    [Theory]
    [InlineData(100, 101, 99, 102)] // close above high
    [InlineData(100, 101, 100.5, 101)] // open below low
    [InlineData(0, 1, 0, 1)] // non-positive low
    public void Add_InconsistentPrices_ThrowsNamingThePrices(double open, double high, double low, double close)
    {
        var tracker = new PairTracker(Pair.XrpUsdt);
        var candle = new Candle(Ten, (decimal)open, (decimal)high, (decimal)low, (decimal)close, 1m);

        Should.Throw<ArgumentException>(() => tracker.Add(candle)).Message.ShouldContain($"XRP/USDT candle at 2025-03-10T10:00:00.0000000Z has open {(decimal)open}");
        tracker.CandleCount.ShouldBe(0);
    }

    [Fact]
    public void Add_NegativeVolume_Throws() =>
        Should.Throw<ArgumentException>(() => new PairTracker(Pair.XrpUsdt).Add(Minute(Ten, 1m, volume: -1m))).Message.ShouldContain("volume -1");

    [Fact]
    public void Latest_UntrackedTimeframe_ThrowsNamingTrackedOnes()
    {
        var tracker = new PairTracker(Pair.BtcUsdt, new TrackerSettings { Timeframes = [Timeframe.H1, Timeframe.M15] });

        tracker.Timeframes.ShouldBe([Timeframe.H1, Timeframe.M15]);
        Should.Throw<ArgumentException>(() => tracker.Latest(Timeframe.M5)).Message.ShouldContain("does not track timeframe 5m; tracked: 1h, 15m");
    }

    [Fact]
    public void Constructor_NoTimeframes_Throws() =>
        Should.Throw<ArgumentException>(() => new PairTracker(Pair.BtcUsdt, new TrackerSettings { Timeframes = [] })).Message.ShouldContain("Timeframes is empty");

    [Fact]
    public void Constructor_DuplicateTimeframe_Throws() =>
        Should.Throw<ArgumentException>(() => new PairTracker(Pair.BtcUsdt, new TrackerSettings { Timeframes = [Timeframe.H1, Timeframe.H1] }))
            .Message.ShouldContain("lists 1h twice");

    [Fact]
    public void Constructor_UnknownTimeframe_Throws() =>
        Should.Throw<ArgumentException>(() => new PairTracker(Pair.BtcUsdt, new TrackerSettings { Timeframes = [(Timeframe)7] }))
            .Message.ShouldContain("= 7 is not a known timeframe");

    [Fact]
    public void Constructor_ZeroWindow_Throws() =>
        Should.Throw<ArgumentException>(() => new PairTracker(Pair.BtcUsdt, new TrackerSettings { WindowSize = 0 })).Message.ShouldContain("WindowSize = 0");
}
