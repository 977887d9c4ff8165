using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class CandleCsvTests
{
    private static DateTime Utc(int year, int month, int day, int hour = 0) => new(year, month, day, hour, 0, 0, DateTimeKind.Utc);

    private static IReadOnlyList<Candle> ReadText(string text, CandleFileFormat format = CandleFileFormat.Auto) =>
        CandleCsv.Read(new StringReader(text), "test.csv", format);

    [Theory]
    [InlineData(CandleFileFormat.Kraken)]
    [InlineData(CandleFileFormat.Auto)]
    public void Read_KrakenOhlcvtReference_720RowsWithTrades(CandleFileFormat format)
    {
        var candles = CandleCsv.Read(ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv"), format);

        candles.Count.ShouldBe(720);
        candles[0].ShouldBe(new Candle(Utc(2024, 9, 1), 58972.2m, 59034.9m, 58910.1m, 58955.0m, 1.14721899m, 69));
        candles[1].ShouldBe(new Candle(Utc(2024, 9, 1, 1), 58923.4m, 58944.4m, 58829.4m, 58832.7m, 6.89934813m, 135));
        candles[^1].Timestamp.ShouldBe(Utc(2024, 9, 30, 23));
        candles.ShouldAllBe(c => c.Trades > 0);
    }

    [Fact]
    public void Read_KrakenOhlcvtReference_SameCandlesAsTheHeaderedFileWithoutTrades()
    {
        var kraken = CandleCsv.Read(ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv"));
        var headered = CandleCsv.Read(ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv"), CandleFileFormat.Csv)
            .Where(c => c.Timestamp >= Utc(2024, 9, 1)).ToList();

        headered.ShouldBe(kraken.Select(c => c with { Trades = 0 }).ToList());
    }

    [Fact]
    public void Read_HeaderedReference_TimestampUtcColumnAndIsoTimes()
    {
        var candles = CandleCsv.Read(ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv"));

        candles.Count.ShouldBe(15_322);
        candles[0].ShouldBe(new Candle(Utc(2023, 1, 1), 16540.3m, 16540.3m, 16521.8m, 16528.1m, 19.25029936m));
        candles[0].Timestamp.Kind.ShouldBe(DateTimeKind.Utc);
        candles[^1].Timestamp.ShouldBe(Utc(2024, 9, 30, 23));
    }

    [Fact]
    public void Read_KrakenFormatOnHeaderedReference_ThrowsAtLineOne()
    {
        var path = ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv");

        var error = Should.Throw<CandleFormatException>(() => CandleCsv.Read(path, CandleFileFormat.Kraken));

        error.Source.ShouldBe(path);
        error.Line.ShouldBe(1);
        error.Reason.ShouldContain("no header");
        error.Message.ShouldStartWith(path + ":1: ");
    }

    [Theory]
    [InlineData("1725148800,1,2,0.5,1,3\n", 6)]
    [InlineData("1725148800,1,2,0.5,1,3,7\n", 7)]
    public void Read_KrakenSixOrSevenFields_Accepted(string text, int fields)
    {
        var candle = ReadText(text, CandleFileFormat.Kraken).Single();

        candle.Trades.ShouldBe(fields == 7 ? 7 : 0);
        candle.Volume.ShouldBe(3m);
    }

    [Theory]
    // wrong field count
    [InlineData("kraken", "1725148800,1,2,0.5,1,3,7\n1725152400,1,2,0.5,1\n", 2, "expected 7 fields")]
    [InlineData("kraken", "1725148800,1,2,0.5,1,3,7,9\n", 1, "found 8")]
    [InlineData("csv", "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1,3,4\n", 2, "expected 6 fields as in the header, found 7")]
    // not numbers
    [InlineData("kraken", "1725148800,1,2,abc,1,3,7\n", 1, "low 'abc' is not a number")]
    [InlineData("kraken", "1725148800,1,2,0.5,1,NaN,7\n", 1, "volume 'NaN' is not a number")]
    [InlineData("kraken", "1725148800,1,2,0.5,1,3,x\n", 1, "trades 'x' is not a whole number")]
    [InlineData("csv", "timestamp,open,high,low,close,volume\nyesterday,1,2,0.5,1,3\n", 2, "timestamp 'yesterday'")]
    [InlineData("kraken", "2024-09-01T00:00:00Z,1,2,0.5,1,3,7\n", 1, "is not Unix seconds")]
    [InlineData("kraken", "1725148800000,1,2,0.5,1,3,7\n", 1, "milliseconds?")]
    // values breaking a rule
    [InlineData("kraken", "1725148800,1,2,0.5,1,-3,7\n", 1, "volume -3 is negative")]
    [InlineData("kraken", "1725148800,1,2,0.5,1,3,-7\n", 1, "trades -7 is negative")]
    [InlineData("kraken", "1725148800,0,2,0.5,1,3,7\n", 1, "open 0 must be positive")]
    [InlineData("kraken", "1725148800,1,0.5,2,1,3,7\n", 1, "high 0.5 is below low 2")]
    [InlineData("kraken", "1725148800,1,2,0.5,2.5,3,7\n", 1, "high 2 is below the open 1 or close 2.5")]
    [InlineData("kraken", "1725148800,0.7,2,0.8,1,3,7\n", 1, "low 0.8 is above the open 0.7 or close 1")]
    // time order
    [InlineData("kraken", "1725148800,1,2,0.5,1,3,7\n1725148800,1,2,0.5,1,3,7\n", 2, "duplicate timestamp 2024-09-01T00:00:00Z (also on line 1)")]
    [InlineData("kraken", "1725152400,1,2,0.5,1,3,7\n\n1725148800,1,2,0.5,1,3,7\n", 3, "is before 2024-09-01T01:00:00Z on line 1")]
    // headers
    [InlineData("kraken", "timestamp,open,high,low,close,volume,trades\n1725148800,1,2,0.5,1,3,7\n", 1, "Kraken OHLCVT files have no header")]
    [InlineData("csv", "1725148800,1,2,0.5,1,3,7\n", 1, "expected a header")]
    [InlineData("csv", "timestamp,open,high,low,close\n", 1, "lacks the column(s) volume")]
    [InlineData("auto", "time,o,h,l,c,v\n", 1, "lacks the column(s) open, high, low, close, volume")]
    // no candles
    [InlineData("auto", "", 1, "no candles: the file is empty")]
    [InlineData("kraken", "\n\n  \n", 3, "no candles: the file is empty")]
    [InlineData("csv", "timestamp,open,high,low,close,volume\n", 1, "no candles: the file has a header but no rows")]
    public void Read_BadFile_ThrowsWithFileLineAndReason(string format, string text, int line, string reason)
    {
        var fileFormat = Enum.Parse<CandleFileFormat>(format, ignoreCase: true);

        var error = Should.Throw<CandleFormatException>(() => ReadText(text, fileFormat));

        error.Source.ShouldBe("test.csv");
        error.Line.ShouldBe(line);
        error.Reason.ShouldContain(reason);
        error.Message.ShouldBe($"test.csv:{line}: {error.Reason}");
    }

    [Fact]
    public void Read_BadFileByPath_ErrorNamesThePath()
    {
        using var folder = new TempFolder();
        var path = folder.Write("bad.csv", "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1,3\n2024-01-01T01:00:00Z,1,2,0.5,1,-1\n");

        var error = Should.Throw<CandleFormatException>(() => CandleCsv.Read(path));

        error.Message.ShouldBe($"{path}:3: volume -1 is negative");
    }

    [Fact]
    public void Read_MissingFile_ThrowsFileNotFound() =>
        Should.Throw<FileNotFoundException>(() => CandleCsv.Read("/nonexistent/candles.csv")).Message.ShouldContain("/nonexistent/candles.csv");

    [Fact]
    public void Read_BomBlankLinesCrLfQuotedHeaderAndOffsets_Accepted()
    {
        const string text = "\uFEFF\"Date\",\"Open\",\"High\",\"Low\",\"Close\",\"Volume\"\r\n\r\n2024-01-01T02:00:00+02:00,1,2,0.5,1.5,3\r\n1704070800,1.5,2,1,1.2,4\r\n";

        var candles = ReadText(text);

        candles.Select(c => c.Timestamp).ShouldBe([Utc(2024, 1, 1), Utc(2024, 1, 1, 1)]);
        candles.ShouldAllBe(c => c.Timestamp.Kind == DateTimeKind.Utc);
        candles[1].Close.ShouldBe(1.2m);
    }

    [Theory]
    [InlineData(CandleFileFormat.Csv)]
    [InlineData(CandleFileFormat.Kraken)]
    public void WriteThenRead_SimulatedCandles_RoundTripExactly(CandleFileFormat format)
    {
        using var folder = new TempFolder();
        var candles = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = 33 })
            .GetCandles(Pair.XrpBtc, SimulatedMarketOptions.DefaultStart, SimulatedMarketOptions.DefaultStart.AddHours(6)).ToList();
        var path = folder.File("round.csv");

        CandleCsv.Write(path, candles, format);

        CandleCsv.Read(path, format).ShouldBe(candles);
        CandleCsv.Read(path).ShouldBe(candles);
        File.ReadLines(path).First().StartsWith("timestamp", StringComparison.Ordinal).ShouldBe(format == CandleFileFormat.Csv);
    }

    [Fact]
    public void WriteThenRead_KrakenReference_ReproducesTheFileLineForLine()
    {
        var path = ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv");
        var writer = new StringWriter { NewLine = "\n" };

        CandleCsv.Write(writer, CandleCsv.Read(path), CandleFileFormat.Kraken);

        writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(File.ReadAllLines(path).Where(l => l.Length > 0).ToArray());
    }
}
