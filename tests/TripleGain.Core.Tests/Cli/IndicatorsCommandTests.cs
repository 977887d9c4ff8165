using System.Globalization;
using TripleGain.Cli;
using TripleGain.Core.Tests.Indicators;

namespace TripleGain.Core.Tests.Cli;

public sealed class IndicatorsCommandTests
{
    [Fact]
    public async Task RunAsync_DefaultSpec_WritesHeaderWarmupBlanksAndReferenceValues()
    {
        var (code, output, error) = await Run("indicators", "--input", ReferenceData.Require("indicators/default.csv"));

        code.ShouldBe(0, error);
        error.ShouldBeEmpty();
        var lines = Lines(output);
        lines.Length.ShouldBe(503);
        lines[0].ShouldBe("timestamp,ema_9,ema_21,ema_50,rsi_14,macd_12_26_9,macd_signal_12_26_9,macd_hist_12_26_9,roc_12,"
            + "adx_14,pdi_14,mdi_14,atr_14,bb_upper_20_2,bb_middle_20_2,bb_lower_20_2,bb_pctb_20_2,bb_width_20_2,"
            + "kc_upper_20_2_10,kc_middle_20_2_10,kc_lower_20_2_10,obv,vwap,vma_ratio_20");

        var first = Row(lines, 0);
        first["timestamp"].ShouldBe("2017-01-03T00:00:00Z");
        first["obv"].ShouldBe("0");
        first["vwap"].ShouldNotBeEmpty();
        foreach (var column in first.Keys.Except(["timestamp", "obv", "vwap"]))
        {
            first[column].ShouldBeEmpty($"{column} is warming up at the first candle");
        }

        Row(lines, 13)["rsi_14"].ShouldBeEmpty();
        Row(lines, 24)["macd_12_26_9"].ShouldBeEmpty();
        Row(lines, 25)["macd_12_26_9"].ShouldNotBeEmpty();

        var row249 = Row(lines, 249);
        row249["timestamp"].ShouldBe("2017-12-28T00:00:00Z");
        Number(row249["rsi_14"]).ShouldBe(70.9368, 5e-5);
        Number(row249["macd_12_26_9"]).ShouldBe(2.2353, 5e-5);
        Number(row249["macd_signal_12_26_9"]).ShouldBe(2.3141, 5e-5);
        Number(row249["macd_hist_12_26_9"]).ShouldBe(-0.0789, 5e-5);
        Number(row249["atr_14"]).ShouldBe(1.3381, 5e-5);
        Number(row249["bb_upper_20_2"]).ShouldBe(259.5642, 5e-5);
        Number(row249["bb_middle_20_2"]).ShouldBe(255.55, 5e-5);
        Number(row249["bb_lower_20_2"]).ShouldBe(251.5358, 5e-5);
        Number(row249["bb_pctb_20_2"]).ShouldBe(0.803923, 5e-7);
        Number(row249["bb_width_20_2"]).ShouldBe(0.031416, 5e-7);
        Number(Row(lines, 248)["adx_14"]).ShouldBe(30.5903, 5e-5);
        Number(Row(lines, 248)["pdi_14"]).ShouldBe(32.3167, 5e-5);
        Number(Row(lines, 248)["mdi_14"]).ShouldBe(18.2471, 5e-5);

        var last = Row(lines, 501);
        Number(last["kc_upper_20_2_10"]).ShouldBe(262.1873, 5e-5);
        Number(last["kc_middle_20_2_10"]).ShouldBe(249.3519, 5e-5);
        Number(last["kc_lower_20_2_10"]).ShouldBe(236.5165, 5e-5);
        last["obv"].ShouldBe("539843504");
        last["vma_ratio_20"].ShouldBe(0.8982026107057507.ToString("R", CultureInfo.InvariantCulture));
        // daily bars: each bar is its own UTC-day session, so the session VWAP is the bar's typical price
        Number(last["vwap"]).ShouldBe((245.54 + 242.87 + 245.28) / 3, 1e-9);
    }

    [Fact]
    public async Task RunAsync_CustomSpec_WritesOnlyThoseColumns()
    {
        var (code, output, error) = await Run("indicators", "--input", ReferenceData.Require("indicators/default.csv"), "--format", "csv", "--spec", "roc:20,sma:20");

        code.ShouldBe(0, error);
        var lines = Lines(output);
        lines[0].ShouldBe("timestamp,roc_20,sma_20");
        Row(lines, 19)["roc_20"].ShouldBeEmpty();
        Number(Row(lines, 249)["roc_20"]).ShouldBe(2.4827, 5e-5);
        Number(Row(lines, 249)["sma_20"]).ShouldBe(255.55, 5e-12);
    }

    [Fact]
    public async Task RunAsync_KrakenFile_ReadsOhlcvt()
    {
        var path = ReferenceData.Require("market-data/kraken_XBTUSDT_60.ohlcvt.csv");
        var (code, output, error) = await Run("indicators", "--input", path, "--format", "kraken", "--spec", "ema:9,vwap");

        code.ShouldBe(0, error);
        var lines = Lines(output);
        lines.Length.ShouldBe(721);
        lines[0].ShouldBe("timestamp,ema_9,vwap");
        lines[1].ShouldMatch(@"^\d{4}-\d\d-\d\dT\d\d:00:00Z,,\d");
        Row(lines, 8)["ema_9"].ShouldNotBeEmpty();
    }

    [Fact]
    public async Task RunAsync_MissingFile_PrintsOneLineAndExits1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-candles-{Guid.NewGuid():N}.csv");
        var (code, output, error) = await Run("indicators", "--input", path);

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        Lines(error).ShouldHaveSingleItem().ShouldContain(path);
    }

    [Fact]
    public async Task RunAsync_BadSpec_PrintsTheSpecErrorAndExits1()
    {
        var (code, output, error) = await Run("indicators", "--input", ReferenceData.Require("indicators/default.csv"), "--spec", "ema:9,foo:3");

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        Lines(error).ShouldHaveSingleItem().ShouldBe(
            "indicators: spec item 'foo:3': unknown indicator 'foo'; known: ema, sma, rsi, macd, roc, adx, atr, bb, kc, obv, vwap, vma.");
    }

    [Fact]
    public async Task RunAsync_MalformedCandleFile_PrintsFileLineAndReasonAndExits1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"bad-candles-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "timestamp,open,high,low,close,volume\n2024-01-01T00:00:00Z,1,2,0.5,1.5,10\n2024-01-01T00:01:00Z,1,abc,0.5,1.5,10\n", TestContext.Current.CancellationToken);
        try
        {
            var (code, output, error) = await Run("indicators", "--input", path);

            code.ShouldBe(1);
            output.ShouldBeEmpty();
            var line = Lines(error).ShouldHaveSingleItem();
            line.ShouldContain($"{path}:3:");
            line.ShouldContain("high 'abc' is not a number");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task RunAsync_WrongFormatForFile_ExplainsAndExits1()
    {
        var (code, _, error) = await Run("indicators", "--input", ReferenceData.Require("indicators/default.csv"), "--format", "kraken");

        code.ShouldBe(1);
        Lines(error).ShouldHaveSingleItem().ShouldContain("Kraken OHLCVT files have no header");
    }

    [Fact]
    public async Task RunAsync_NoInput_FailsWithUsageError()
    {
        var (code, output, error) = await Run("indicators");

        code.ShouldNotBe(0);
        output.ShouldNotStartWith("timestamp,");
        error.ShouldContain("--input");
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    private static string[] Lines(string text) => text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries);

    private static Dictionary<string, string> Row(string[] lines, int index)
    {
        var header = lines[0].Split(',');
        var cells = lines[index + 1].Split(',');
        cells.Length.ShouldBe(header.Length);
        return header.Zip(cells).ToDictionary(p => p.First, p => p.Second);
    }

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
