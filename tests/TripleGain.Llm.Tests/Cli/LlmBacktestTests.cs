using System.Text.Json;
using System.Text.Json.Nodes;
using TripleGain.Cli.Commands;
using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Market;

namespace TripleGain.Llm.Tests.Cli;

/// <summary>Backtests with an LLM model against the fake provider server: cached in a SQLite journal, estimated, limited.</summary>
public sealed class LlmBacktestTests : IDisposable
{
    private static readonly DateTime From = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A BUY the simulated market cannot make invalid (no stop or take-profit: the risk agent sets the stop).</summary>
    private const string BuyJson =
        """{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":null,"take_profit":null,"reasoning":"uptrend on 1h and 4h"}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("triplegain-llm-backtest-").FullName;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private string Journal => Path.Combine(_folder, "journal.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>An --llm-config file with one OpenAI model at the fake server (the key in the file, for the test only).</summary>
    private string WriteConfig(FakeProviderServer server, string? cutoff = "2024-06-30")
    {
        var model = new JsonObject
        {
            ["Provider"] = "OpenAI",
            ["ModelName"] = "gpt-4o",
            ["BaseUrl"] = server.Url("v1/").ToString(),
            ["InputPricePerMillion"] = 2.5,
            ["OutputPricePerMillion"] = 10,
            ["MaxRetries"] = 0,
        };
        if (cutoff is not null)
        {
            model["KnowledgeCutoff"] = cutoff;
        }

        var path = Path.Combine(_folder, "llm.json");
        File.WriteAllText(path, new JsonObject
        {
            ["OPENAI_API_KEY"] = TestModels.OpenAiKey,
            ["Llm"] = new JsonObject { ["Models"] = new JsonObject { ["gpt"] = model } },
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    private static BacktestOptions Options() => new()
    {
        From = From,
        To = From.AddDays(1),
        DecisionInterval = TimeSpan.FromHours(1),
        EquityInterval = TimeSpan.FromHours(1),
    };

    private async Task<(BacktestResult Result, LlmBacktest Llm, string Output)> RunAsync(FakeProviderServer server, string config, decimal? maxCost = null)
    {
        var output = new StringWriter();
        var llm = await LlmBacktest.PrepareAsync("gpt", LlmBacktest.Configuration(config), Journal, maxCost, Options(), Pair.All.Count, output, Cancel);
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Start = From });
        var result = await new BacktestEngine(source, llm.Model, Options()).RunAsync(Cancel);
        return (result, llm, output.ToString());
    }

    [Fact]
    public async Task Backtest_RerunWithTheSameJournal_MakesNoProviderCallAndGivesTheSameResult()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = BuyJson;
        var config = WriteConfig(server);

        var (first, firstLlm, firstOutput) = await RunAsync(server, config);
        using (firstLlm)
        {
            var calls = server.ChatRequests.Count;
            calls.ShouldBe(23); // 01:00 .. 23:00
            firstLlm.Model.ProviderCalls.ShouldBe(23);
            firstLlm.Model.SpentUsd.ShouldBeGreaterThan(0m);
            firstLlm.Estimate.Calls.ShouldBe(23);
            firstOutput.ShouldContain("estimate: gpt: 23 decision times x 3 pairs, 0 answers cached: about 23 calls");
            first.Fills.Count.ShouldBeGreaterThan(0);
            first.DecisionsByAction[TradeAction.Buy].ShouldBe(23);
        }

        var (second, secondLlm, secondOutput) = await RunAsync(server, config);
        using (secondLlm)
        {
            server.ChatRequests.Count.ShouldBe(23);
            secondLlm.Estimate.Calls.ShouldBe(0);
            secondLlm.Estimate.CostUsd.ShouldBe(0m);
            secondOutput.ShouldContain("23 answers cached: about 0 calls");
            secondLlm.Model.CacheHits.ShouldBe(23);
            secondLlm.Model.ProviderCalls.ShouldBe(0);
            secondLlm.Model.SpentUsd.ShouldBe(0m);
            secondLlm.Summary().ShouldStartWith("LLM gpt: 23 decision times, 23 from the cache, 0 provider calls, $0.0000 spent");
            second.Equity.ShouldBe(first.Equity);
            second.Fills.ShouldBe(first.Fills);
            second.DecisionsByAction.ShouldBe(first.DecisionsByAction);
        }
    }

    [Fact]
    public async Task PrepareAsync_EstimateAboveMaxCost_RefusesToStartWithoutAnyCall()
    {
        await using var server = await FakeProviderServer.StartAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => RunAsync(server, WriteConfig(server), maxCost: 0.01m));

        error.Message.ShouldBe("the estimated cost $0.32 of gpt is above --max-cost $0.01: not started. Raise --max-cost, shorten the period or lengthen --decision-interval.");
        server.ChatRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task PrepareAsync_PeriodBeforeKnowledgeCutoff_Warns()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var output = new StringWriter();

        using var llm = await LlmBacktest.PrepareAsync("gpt", LlmBacktest.Configuration(WriteConfig(server, cutoff: "2025-06-30")), Journal, null, Options(), 3, output, Cancel);

        output.ToString().ShouldContain("warning: the backtest period 2025-01-01 00:00Z .. 2025-01-02 00:00Z lies before the knowledge cutoff of gpt (2025-06-30): its decisions may know the future");
    }

    [Fact]
    public async Task PrepareAsync_UnknownModelOrMissingKey_SaysWhich()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var config = WriteConfig(server);
        var noKey = Path.Combine(_folder, "nokey.json");
        File.WriteAllText(noKey, File.ReadAllText(config).Replace("\"OPENAI_API_KEY\"", "\"UNUSED\"", StringComparison.Ordinal)
            .Replace("\"Provider\"", "\"ApiKeyVariable\": \"TRIPLEGAIN_TEST_UNSET_KEY\", \"Provider\"", StringComparison.Ordinal));

        var unknown = await Should.ThrowAsync<ArgumentException>(() =>
            LlmBacktest.PrepareAsync("claude", LlmBacktest.Configuration(config), Journal, null, Options(), 3, TextWriter.Null, Cancel));
        var missing = await Should.ThrowAsync<ArgumentException>(() =>
            LlmBacktest.PrepareAsync("gpt", LlmBacktest.Configuration(noKey), Journal, null, Options(), 3, TextWriter.Null, Cancel));

        unknown.Message.ShouldStartWith("Unknown model 'claude'. Use baseline, buy-and-hold or an LLM model of Llm:Models (configured: gpt;");
        missing.Message.ShouldBe("Model gpt cannot be asked: TRIPLEGAIN_TEST_UNSET_KEY is not set.");
        server.ChatRequests.ShouldBeEmpty();
    }

    [Fact]
    public async Task BacktestVerb_LlmModelTwice_SecondRunReadsEveryAnswerFromTheJournal()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.DecisionJson = BuyJson;
        var config = WriteConfig(server);
        string[] args = ["backtest", "--model", "gpt", "--llm-config", config, "--journal", Journal, "--from", "2025-01-01", "--to", "2025-01-02",
            "--decision-interval", "3600", "--out", Path.Combine(_folder, "out")];

        var (firstCode, firstOutput, firstError) = await CliAsync(args);
        var callsAfterFirst = server.ChatRequests.Count;
        var (secondCode, secondOutput, secondError) = await CliAsync(args);

        firstCode.ShouldBe(0, firstError);
        secondCode.ShouldBe(0, secondError);
        callsAfterFirst.ShouldBe(23);
        server.ChatRequests.Count.ShouldBe(23);
        firstOutput.ShouldContain("estimate: gpt: 23 decision times x 3 pairs, 0 answers cached");
        firstOutput.ShouldContain("LLM gpt: 23 decision times, 0 from the cache, 23 provider calls");
        secondOutput.ShouldContain("23 answers cached: about 0 calls");
        secondOutput.ShouldContain("LLM gpt: 23 decision times, 23 from the cache, 0 provider calls, $0.0000 spent");
        File.ReadAllText(Path.Combine(_folder, "out", "equity.csv")).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task BacktestVerb_EstimateAboveMaxCost_OneLineErrorAndNoCall()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var outDir = Path.Combine(_folder, "out");

        var (code, _, error) = await CliAsync(["backtest", "--model", "gpt", "--llm-config", WriteConfig(server), "--journal", Journal,
            "--from", "2025-01-01", "--to", "2025-02-01", "--max-cost", "1", "--out", outDir]);

        code.ShouldBe(1);
        error.Trim().ShouldStartWith("backtest: the estimated cost $");
        error.ShouldContain("of gpt is above --max-cost $1.00: not started.");
        error.Trim().Split('\n').Length.ShouldBe(1);
        server.ChatRequests.ShouldBeEmpty();
        Directory.Exists(outDir).ShouldBeFalse();
    }

    private static async Task<(int Code, string Output, string Error)> CliAsync(string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await TripleGain.Cli.CliApp.RunAsync(args, output, error, Cancel);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Configuration_MissingFile_ThrowsNamingTheOption()
    {
        Should.Throw<FileNotFoundException>(() => LlmBacktest.Configuration(Path.Combine(_folder, "absent.json")))
            .Message.ShouldContain("--llm-config");
    }
}
