using System.Text.Json;
using TripleGain.Cli;
using TripleGain.Core.Tests.Market;

namespace TripleGain.Core.Tests.Cli;

public class BacktestCommandTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliApp.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Backtest_ShortSim_PrintsMetricsAndWritesTheFourFiles()
    {
        using var folder = new TempFolder();
        var dir = folder.File("run");

        var result = await Run("backtest", "--source", "sim", "--from", "2025-01-01", "--to", "2025-01-05", "--out", dir);

        result.Code.ShouldBe(0, result.Error);
        result.Error.ShouldBeEmpty();
        foreach (var row in new[] { "Total return", "CAGR", "Sharpe", "Sortino", "Max drawdown", "Calmar", "Win rate", "Profit factor", "Expectancy", "Exposure", "Trades", "Average hold", "Fees", "Final equity" })
        {
            result.Output.ShouldContain(row);
        }

        result.Output.ShouldContain("backtest baseline on sim (seed 42): BTC/USDT, XRP/USDT, XRP/BTC, 2025-01-01T00:00Z .. 2025-01-05T00:00Z");
        result.Output.ShouldContain("candles 17,280");
        result.Output.ShouldMatch(@"Total return\s+-?\d+\.\d\d%");

        var png = await File.ReadAllBytesAsync(Path.Combine(dir, "equity.png"), TestContext.Current.CancellationToken);
        png.Take(8).ShouldBe(PngSignature);
        png.Length.ShouldBeGreaterThan(10_000);

        var equity = File.ReadAllLines(Path.Combine(dir, "equity.csv"));
        equity[0].ShouldBe("timestamp,equity_usd,drawdown_pct");
        equity.Length.ShouldBe(1 + 1 + (4 * 24));
        equity[1].ShouldStartWith("2025-01-01T00:01Z,");
        equity[^1].ShouldStartWith("2025-01-05T00:00Z,");

        var trades = File.ReadAllLines(Path.Combine(dir, "trades.csv"));
        trades[0].ShouldBe("pair,side,entry_time,exit_time,entry_price,exit_price,volume,pnl_usd,fees_usd,hold_hours");

        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "summary.json"), TestContext.Current.CancellationToken));
        var root = summary.RootElement;
        root.GetProperty("settings").GetProperty("model").GetString().ShouldBe("baseline");
        root.GetProperty("settings").GetProperty("seed").GetInt64().ShouldBe(42);
        root.GetProperty("settings").GetProperty("decision_interval_seconds").GetDouble().ShouldBe(300);
        root.GetProperty("settings").GetProperty("starting_balances").GetProperty("XRP").GetDecimal().ShouldBe(500m);
        root.GetProperty("metrics").GetProperty("trades").GetInt32().ShouldBe(trades.Length - 1);
        root.GetProperty("metrics").GetProperty("final_equity_usd").GetDecimal()
            .ShouldBe(decimal.Parse(equity[^1].Split(',')[1], System.Globalization.CultureInfo.InvariantCulture));
        root.GetProperty("counts").GetProperty("candles").GetInt64().ShouldBe(17_280);
    }

    [Fact]
    public async Task Backtest_SameArgumentsTwice_SameCsvAndJson()
    {
        using var folder = new TempFolder();
        string[] Args(string dir) => ["backtest", "--from", "2025-02-01", "--to", "2025-02-04", "--seed", "9", "--out", dir];

        (await Run(Args(folder.File("a")))).Code.ShouldBe(0);
        (await Run(Args(folder.File("b")))).Code.ShouldBe(0);

        foreach (var file in new[] { "trades.csv", "equity.csv", "summary.json" })
        {
            File.ReadAllText(Path.Combine(folder.File("b"), file)).ShouldBe(File.ReadAllText(Path.Combine(folder.File("a"), file)), file);
        }
    }

    [Fact]
    public async Task Backtest_BuyAndHoldWithCapitalAndDecisionInterval_UsdtOnlyAccount()
    {
        using var folder = new TempFolder();
        var dir = folder.File("bh");

        var result = await Run("backtest", "--model", "buy-and-hold", "--pairs", "BTC/USDT,XRP/USDT", "--from", "2025-01-01", "--to", "2025-01-03",
            "--capital", "5000", "--decision-interval", "3600", "--out", dir);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("backtest buy-and-hold on sim (seed 42): BTC/USDT, XRP/USDT");
        result.Output.ShouldContain("start 5,000.00 USD");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
        var settings = summary.RootElement.GetProperty("settings");
        settings.GetProperty("starting_balances").EnumerateObject().Select(p => p.Name).ShouldBe(["USDT"]);
        settings.GetProperty("decision_interval_seconds").GetDouble().ShouldBe(3600);
        summary.RootElement.GetProperty("counts").GetProperty("decisions").GetProperty("buy").GetInt32().ShouldBe(2);
    }

    [Fact]
    public async Task Backtest_CsvDirectoryAndSingleFile_ReplaysTheFiles()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        (await Run("data", "generate", "--from", "2025-03-01", "--to", "2025-03-03", "--seed", "3", "--out", data)).Code.ShouldBe(0);

        var all = await Run("backtest", "--source", $"csv:{data}", "--from", "2025-03-01", "--to", "2025-03-03", "--out", folder.File("dir"));
        var one = await Run("backtest", "--source", $"csv:{Path.Combine(data, "XRP-USDT_1m.csv")}", "--pairs", "XRP/USDT", "--capital", "1000",
            "--from", "2025-03-01", "--to", "2025-03-03", "--out", folder.File("one"));

        all.Code.ShouldBe(0, all.Error);
        all.Output.ShouldContain("candles 8,640");
        one.Code.ShouldBe(0, one.Error);
        one.Output.ShouldContain("candles 2,880");
        File.Exists(Path.Combine(folder.File("one"), "equity.png")).ShouldBeTrue();
    }

    [Fact]
    public async Task Backtest_KrakenHourlyReference_ReplaysTheRealCandles()
    {
        using var folder = new TempFolder();
        var file = ReferenceData.Require("market-data/kraken_BTCUSDT_1h.csv");

        var result = await Run("backtest", "--source", $"csv:{file}", "--pairs", "BTC/USDT", "--capital", "1000", "--from", "2024-01-01", "--to", "2024-07-01", "--out", folder.Path);

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("backtest baseline on csv " + file + ": BTC/USDT, 2024-01-01T00:00Z .. 2024-07-01T00:00Z");
        var equity = File.ReadAllLines(folder.File("equity.csv"));
        equity[1].ShouldStartWith("2024-01-01T01:00Z,1000,");
        equity[^1].ShouldStartWith("2024-07-01T00:00Z,");
        File.ReadAllLines(folder.File("trades.csv")).Length.ShouldBeGreaterThan(1);
    }

    [Theory]
    [InlineData("--model", "lstm", "Unknown model 'lstm'. Use baseline, buy-and-hold or an LLM model of Llm:Models")]
    [InlineData("--to", "2024-12-01", "--to 2024-12-01T00:00Z must be after --from 2025-01-01T00:00Z")]
    [InlineData("--source", "csv:/no/such/dir", "--source csv:/no/such/dir: no such file or directory")]
    [InlineData("--source", "csv:", "--source csv: needs a path")]
    [InlineData("--source", "kraken", "--source 'kraken' is unknown")]
    [InlineData("--pairs", "ETH/USDT", "Unknown pair 'ETH/USDT'")]
    [InlineData("--capital", "0", "--capital 0 must be a positive amount of USDT")]
    [InlineData("--decision-interval", "90", "--decision-interval 90 must be a whole multiple of cycle.interval_seconds (60)")]
    [InlineData("--config", "/no/such/config.yaml", "configuration file not found")]
    public async Task Backtest_BadOption_OneLineErrorExitCodeOneAndNoFiles(string option, string value, string fragment)
    {
        using var folder = new TempFolder();
        var dir = folder.File("out");
        var args = new List<string> { "backtest", "--from", "2025-01-01", "--to", "2025-01-02", "--out", dir };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var result = await Run([.. args]);

        ShouldFailWithOneLine(result, fragment);
        Directory.Exists(dir).ShouldBeFalse();
    }

    [Fact]
    public async Task Backtest_ConfigFile_TakesItsCycleAndCapital()
    {
        using var folder = new TempFolder();
        var config = folder.Write("config.yaml", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "paper_trading_config.yaml"))
            .Replace("llm_query_interval_seconds: 300", "llm_query_interval_seconds: 900", StringComparison.Ordinal)
            .Replace("USDT: 1000", "USDT: 2000", StringComparison.Ordinal));

        var result = await Run("backtest", "--config", config, "--from", "2025-01-01", "--to", "2025-01-02", "--out", folder.File("out"));

        result.Code.ShouldBe(0, result.Error);
        result.Output.ShouldContain("decision cycles 95 (every 900 s)");
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder.File("out"), "summary.json")));
        summary.RootElement.GetProperty("settings").GetProperty("starting_balances").GetProperty("USDT").GetDecimal().ShouldBe(2000m);
    }

    [Fact]
    public async Task Backtest_BadConfigValue_OneLineErrorNamingTheKey()
    {
        using var folder = new TempFolder();
        var config = folder.Write("bad.yaml", "constraints:\n  max_leverage: 9\n");

        var result = await Run("backtest", "--config", config, "--from", "2025-01-01", "--to", "2025-01-02", "--out", folder.File("out"));

        ShouldFailWithOneLine(result, "bad.yaml: constraints.max_leverage = '9': must be between 1 and 5");
    }

    [Fact]
    public async Task Backtest_PairNotInTheCsvSource_OneLineError()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        (await Run("data", "generate", "--pairs", "BTC/USDT", "--from", "2025-03-01", "--to", "2025-03-02", "--out", data)).Code.ShouldBe(0);

        var result = await Run("backtest", "--source", $"csv:{data}", "--pairs", "XRP/USDT", "--capital", "100", "--from", "2025-03-01", "--to", "2025-03-02", "--out", folder.File("out"));

        ShouldFailWithOneLine(result, "Pair XRP/USDT is not in the candle source, which serves BTC/USDT");
    }

    [Fact]
    public async Task Backtest_SingleFileWithoutOnePair_OneLineError()
    {
        using var folder = new TempFolder();
        var data = folder.File("data");
        (await Run("data", "generate", "--pairs", "BTC/USDT", "--from", "2025-03-01", "--to", "2025-03-02", "--out", data)).Code.ShouldBe(0);

        var result = await Run("backtest", "--source", $"csv:{Path.Combine(data, "BTC-USDT_1m.csv")}", "--from", "2025-03-01", "--to", "2025-03-02", "--out", folder.File("out"));

        ShouldFailWithOneLine(result, "is one file: name the one pair it holds with --pairs");
    }

    [Fact]
    public async Task Backtest_MissingFrom_ExitCodeOne()
    {
        var result = await Run("backtest", "--to", "2025-01-02");

        result.Code.ShouldBe(1);
        result.Error.ShouldContain("--from");
    }

    private static void ShouldFailWithOneLine((int Code, string Output, string Error) result, string fragment)
    {
        result.Code.ShouldBe(1, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.Error);
        lines[0].ShouldStartWith("backtest: ");
        lines[0].ShouldContain(fragment);
    }
}
