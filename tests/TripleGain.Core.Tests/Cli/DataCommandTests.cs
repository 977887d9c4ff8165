using TripleGain.Cli;
using TripleGain.Core.Market;
using TripleGain.Core.Tests.Market;

namespace TripleGain.Core.Tests.Cli;

public class DataCommandTests
{
    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static void ShouldFailWithOneLine((int Code, string Output, string Error) result, string fragment)
    {
        result.Code.ShouldBe(1);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldContain(fragment);
    }

    [Fact]
    public async Task Generate_OneDay_WritesOneMinuteFilePerPair()
    {
        using var folder = new TempFolder();

        var result = await Run("data", "generate", "--from", "2025-01-01", "--to", "2025-01-02", "--seed", "7", "--out", folder.Path);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("BTC/USDT: 1440 candles 2025-01-01T00:00Z .. 2025-01-01T23:59Z");
        var btc = CandleCsv.Read(folder.File("BTC-USDT_1m.csv"), CandleFileFormat.Csv);
        var xrp = CandleCsv.Read(folder.File("XRP-USDT_1m.csv"), CandleFileFormat.Csv);
        var cross = CandleCsv.Read(folder.File("XRP-BTC_1m.csv"), CandleFileFormat.Csv);
        btc.Count.ShouldBe(1440);
        var expected = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = 7 });
        btc.ShouldBe(expected.GetCandles(Pair.BtcUsdt, SimulatedMarketOptions.DefaultStart, SimulatedMarketOptions.DefaultStart.AddDays(1)));
        for (var i = 0; i < cross.Count; i++)
        {
            cross[i].Close.ShouldBe(decimal.Round(xrp[i].Close / btc[i].Close, 8, MidpointRounding.AwayFromZero));
        }
    }

    [Fact]
    public async Task Generate_SameSeedTwice_IdenticalFilesAndOtherSeedDiffers()
    {
        using var folder = new TempFolder();
        string[] Args(string seed, string dir) => ["data", "generate", "--pairs", "XRP/USDT", "--from", "2025-03-01T06:00Z", "--to", "2025-03-01T08:00Z", "--seed", seed, "--out", dir];

        (await Run(Args("5", folder.File("a")))).Code.ShouldBe(0);
        (await Run(Args("5", folder.File("b")))).Code.ShouldBe(0);
        (await Run(Args("6", folder.File("c")))).Code.ShouldBe(0);

        var a = File.ReadAllText(Path.Combine(folder.File("a"), "XRP-USDT_1m.csv"));
        File.ReadAllText(Path.Combine(folder.File("b"), "XRP-USDT_1m.csv")).ShouldBe(a);
        File.ReadAllText(Path.Combine(folder.File("c"), "XRP-USDT_1m.csv")).ShouldNotBe(a);
        Directory.GetFiles(folder.File("a")).Select(Path.GetFileName).ShouldBe(["XRP-USDT_1m.csv"]);
    }

    [Fact]
    public async Task Generate_KrakenFormatAndStartPrice_HeaderlessUnixSecondsFromThatPrice()
    {
        using var folder = new TempFolder();

        var result = await Run("data", "generate", "--pairs", "btc/usdt", "--from", "2025-01-01", "--to", "2025-01-01T01:00Z",
            "--format", "kraken", "--btc-price", "95000", "--out", folder.Path);

        result.Code.ShouldBe(0, result.Error);
        var lines = File.ReadAllLines(folder.File("BTC-USDT_1m.csv"));
        lines.Length.ShouldBe(60);
        lines[0].ShouldStartWith("1735689600,95000.0,");
    }

    [Theory]
    [InlineData("ETH/USDT", "2025-01-01", "2025-01-02", "csv", "Unknown pair 'ETH/USDT'")]
    [InlineData("BTC/USDT", "2025-01-02", "2025-01-01", "csv", "--to 2025-01-01T00:00Z must be after --from 2025-01-02T00:00Z")]
    [InlineData("BTC/USDT", "someday", "2025-01-02", "csv", "--from 'someday' is not a date")]
    [InlineData("BTC/USDT", "2025-01-01T00:00:30Z", "2025-01-02", "csv", "must be a whole minute")]
    [InlineData("BTC/USDT", "2025-01-01", "2025-01-02", "parquet", "Unknown format 'parquet'")]
    public async Task Generate_BadArguments_OneLineErrorExitCodeOneAndNoFiles(string pairs, string from, string to, string format, string fragment)
    {
        using var folder = new TempFolder();
        var output = folder.File("out");

        var result = await Run("data", "generate", "--pairs", pairs, "--from", from, "--to", to, "--format", format, "--out", output);

        ShouldFailWithOneLine(result, fragment);
        result.Error.ShouldStartWith("data generate: ");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task Generate_MissingRequiredOption_ExitCodeOne()
    {
        var result = await Run("data", "generate", "--from", "2025-01-01");

        result.Code.ShouldBe(1);
        result.Error.ShouldContain("--to");
    }

    [Fact]
    public async Task Import_KrakenReference_ReportsAndWritesNormalizedCsv()
    {
        using var folder = new TempFolder();
        var input = ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv");

        var result = await Run("data", "import", "--input", input, "--format", "kraken", "--pair", "XBT/USDT", "--out", folder.Path);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("BTC/USDT: 720 candles at 1h, 2024-09-01T00:00Z .. 2024-09-30T23:00Z");
        result.Output.ShouldContain("gaps: 0 (0 missing candles)");
        var written = folder.File("BTC-USDT_1h.csv");
        File.ReadLines(written).First().ShouldBe("timestamp,open,high,low,close,volume,trades");
        CandleCsv.Read(written).ShouldBe(CandleCsv.Read(input));
    }

    [Fact]
    public async Task Import_HeaderedReference_ListsTheGaps()
    {
        using var folder = new TempFolder();
        var input = ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv");

        var result = await Run("data", "import", "--input", input, "--pair", "BTC/USDT", "--out", folder.Path);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("15322 candles at 1h, 2023-01-01T00:00Z .. 2024-09-30T23:00Z");
        result.Output.ShouldContain("gaps: 4 (14 missing candles, largest 6)");
        result.Output.ShouldContain("gap 2024-04-14T03:00Z .. 2024-04-14T09:00Z (6 missing)");
    }

    [Fact]
    public async Task Import_BadFile_OneLineErrorWithFileLineAndReasonAndNothingWritten()
    {
        using var folder = new TempFolder();
        var input = folder.Write("bad.csv", "1725148800,1,2,0.5,1,3,7\n1725152400,1,0.4,0.5,1,3,7\n");
        var output = folder.File("out");

        var result = await Run("data", "import", "--input", input, "--pair", "BTC/USDT", "--out", output);

        ShouldFailWithOneLine(result, $"data import: {input}:2: high 0.4 is below low 0.5");
        Directory.Exists(output).ShouldBeFalse();
    }

    [Fact]
    public async Task Import_MissingFileOrBadPair_OneLineError()
    {
        using var folder = new TempFolder();

        ShouldFailWithOneLine(await Run("data", "import", "--input", folder.File("none.csv"), "--pair", "BTC/USDT", "--out", folder.Path), "none.csv");
        ShouldFailWithOneLine(
            await Run("data", "import", "--input", ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv"), "--pair", "DOGE/USDT", "--out", folder.Path),
            "Unknown pair 'DOGE/USDT'");
    }

    [Fact]
    public async Task Export_GeneratedMinutesToHours_WritesAggregatedBars()
    {
        using var folder = new TempFolder();
        (await Run("data", "generate", "--pairs", "XRP/BTC", "--from", "2025-01-01", "--to", "2025-01-02", "--out", folder.Path)).Code.ShouldBe(0);
        var input = folder.File("XRP-BTC_1m.csv");
        var output = folder.File("sub/XRP-BTC_1h.csv");

        var result = await Run("data", "export", "--input", input, "--timeframe", "1h", "--out", output);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("wrote 24 1h candles (2025-01-01T00:00Z .. 2025-01-01T23:00Z) from 1440 1m candles");
        CandleCsv.Read(output).ShouldBe(CandleCsv.Read(input).Aggregate(Timeframe.H1));
    }

    [Fact]
    public async Task Export_ReferenceHoursToDaysInKrakenFormat_WritesHeaderlessDays()
    {
        using var folder = new TempFolder();
        var output = folder.File("days.csv");

        var result = await Run("data", "export", "--input", ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv"),
            "--timeframe", "1d", "--out", output, "--format", "kraken");

        result.Code.ShouldBe(0, result.Error);
        var days = CandleCsv.Read(output, CandleFileFormat.Kraken);
        days.Count.ShouldBe(30);
        days[0].Open.ShouldBe(58972.2m);
    }

    [Theory]
    [InlineData("5m", "holds 1h candles; they cannot be split into 5m bars")]
    [InlineData("2h", "Unknown timeframe '2h'")]
    public async Task Export_BadTimeframe_OneLineError(string timeframe, string fragment)
    {
        using var folder = new TempFolder();

        var result = await Run("data", "export", "--input", ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv"),
            "--timeframe", timeframe, "--out", folder.File("x.csv"));

        ShouldFailWithOneLine(result, fragment);
        File.Exists(folder.File("x.csv")).ShouldBeFalse();
    }
}
