using System.Globalization;
using System.Text.Json;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class CandleGapsTests
{
    private static readonly DateTime T = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static Candle At(DateTime time) => new(time, 1m, 1m, 1m, 1m, 0m);

    private static List<Candle> Hours(params int[] hours) => hours.Select(h => At(T.AddHours(h))).ToList();

    [Fact]
    public void Find_Contiguous_NoGaps() =>
        CandleGaps.Find(Hours(0, 1, 2, 3), Timeframe.H1).ShouldBeEmpty();

    [Fact]
    public void Find_MissingRuns_ReportsStartEndAndCount()
    {
        var gaps = CandleGaps.Find(Hours(0, 1, 4, 5, 7), Timeframe.H1);

        gaps.ShouldBe([
            new CandleGap(T.AddHours(2), T.AddHours(4), 2),
            new CandleGap(T.AddHours(6), T.AddHours(7), 1),
        ]);
        gaps[0].Duration.ShouldBe(TimeSpan.FromHours(2));
        gaps[0].ToString().ShouldBe("2024-01-01T02:00Z .. 2024-01-01T04:00Z (2 missing)");
    }

    [Fact]
    public void Find_DistanceNotAMultiple_CountsSlotsInBetween()
    {
        List<Candle> candles = [At(T), At(T.AddMinutes(150))];

        CandleGaps.Find(candles, Timeframe.H1).Single().MissingCount.ShouldBe(2);
    }

    [Fact]
    public void Find_OutOfOrder_Throws() =>
        Should.Throw<ArgumentException>(() => CandleGaps.Find(Hours(0, 2, 1), Timeframe.H1));

    [Fact]
    public void Find_NonPositiveInterval_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => CandleGaps.Find(Hours(0, 1), TimeSpan.Zero));

    [Fact]
    public void InferInterval_MostFrequentDistance()
    {
        CandleGaps.InferInterval(Hours(0, 1, 2, 5, 6)).ShouldBe(TimeSpan.FromHours(1));
        CandleGaps.InferInterval(Hours(0)).ShouldBeNull();
        CandleGaps.ToTimeframe(TimeSpan.FromHours(4)).ShouldBe(Timeframe.H4);
        CandleGaps.ToTimeframe(TimeSpan.FromHours(6)).ShouldBeNull();
    }

    public static TheoryData<string> IndexedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in new[]
                 {
                     "kraken_BTCUSDT_1h.csv", "kraken_XBTUSDT_60.ohlcvt.csv", "kraken_XRPUSD_1h.csv", "binance_XRPUSDT_1h.csv",
                     "binance_XRPUSDT_5m.csv", "binance_XRPBTC_1h.csv", "binance_XRPBTC_5m.csv", "binance_BTCUSDT_1h.csv",
                 })
        {
            data.Add(file);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(IndexedFiles))]
    public void ReferenceFile_RowsSpanAndGaps_MatchIndexJson(string file)
    {
        using var index = JsonDocument.Parse(File.ReadAllText(ReferenceData.Require("market-data/index.json")));
        var entry = index.RootElement.GetProperty("files").EnumerateArray().Single(f => f.GetProperty("file").GetString() == file);
        var interval = TimeSpan.FromSeconds(entry.GetProperty("interval_seconds").GetInt32());

        var candles = CandleCsv.Read(ReferenceData.Require("market-data/" + file));
        var gaps = CandleGaps.Find(candles, interval);

        candles.Count.ShouldBe(entry.GetProperty("rows").GetInt32());
        candles[0].Timestamp.ShouldBe(Utc(entry.GetProperty("first").GetString()!));
        candles[^1].Timestamp.ShouldBe(Utc(entry.GetProperty("last").GetString()!));
        CandleGaps.InferInterval(candles).ShouldBe(interval);
        if (entry.TryGetProperty("missing_interval_runs", out var runs))
        {
            gaps.Count.ShouldBe(runs.GetInt32());
            gaps.Sum(g => g.MissingCount).ShouldBe(entry.GetProperty("missing_intervals").GetInt32());

            // index.json's largest gap is the distance between the candles around it, in hours (0 when none)
            var largest = gaps.Count == 0 ? 0 : gaps.Max(g => (g.Duration + interval).TotalHours);
            largest.ShouldBe(entry.GetProperty("largest_gap_hours").GetDouble());
        }
        else
        {
            gaps.ShouldBeEmpty();
        }
    }

    private static DateTime Utc(string iso) =>
        DateTime.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
