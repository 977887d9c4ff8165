using TripleGain.Core.Configuration;
using TripleGain.Grains.Models;
using TripleGain.Llm;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Models;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Llm;

/// <summary>The silo's registry and status source: benchmarks plus configured LLMs, usable ones only handed out.</summary>
public sealed class ConfiguredModelsTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    private static LlmProviderOptions Llm(string id, LlmProviderKind provider = LlmProviderKind.OpenAI, string? keyVariable = null) => new()
    {
        Id = id,
        Provider = provider,
        ModelName = id,
        BaseUrl = new Uri("http://127.0.0.1:9/v1/"),
        ApiKeyVariable = keyVariable,
    };

    private static ModelCatalog Catalog(params LlmProviderOptions[] models) =>
        new(models, variable => variable == "OPENAI_API_KEY" ? "sk-test" : null, PromptLibrary.Load(), new CostLedger(), TimeProvider.System);

    private static TradingConfig Active(params string[] ids) =>
        TradingConfig.PaperDefault with { Models = TradingConfig.PaperDefault.Models with { ActiveModels = ids } };

    [Fact]
    public void Find_ModelWithKey_IsHandedOutAndOneWithoutKeyIsNot()
    {
        using var catalog = Catalog(Llm("gpt-4o"), Llm("claude", LlmProviderKind.Anthropic));
        var models = new ConfiguredModels(catalog, Active("baseline", "gpt-4o", "claude"));

        models.Find("gpt-4o").ShouldBeSameAs(catalog.Find("gpt-4o"));
        models.Find("claude").ShouldBeNull();
        models.Find("baseline").ShouldNotBeNull().Id.ShouldBe("baseline");
        models.Find("nobody").ShouldBeNull();
        models.Ids.ShouldBe(["baseline", "buy-and-hold", "gpt-4o"]);
    }

    [Fact]
    public void Statuses_ActiveFirstThenOthers_WithReasons()
    {
        using var catalog = Catalog(Llm("gpt-4o"), Llm("claude", LlmProviderKind.Anthropic), Llm("spare"), Llm("qwen", LlmProviderKind.Ollama));
        var models = new ConfiguredModels(catalog, Active("claude", "baseline", "gpt-4o", "ghost", "qwen"));

        var statuses = models.Statuses();

        statuses.Select(s => s.ModelId).ShouldBe(["claude", "baseline", "gpt-4o", "ghost", "qwen", "buy-and-hold", "spare"]);
        statuses[0].ShouldBe(new ModelStatus("claude", "llm", "Anthropic", "claude", ModelAvailability.NotConfigured, "ANTHROPIC_API_KEY is not set", true));
        statuses[1].ShouldBe(new ModelStatus("baseline", "rule-based", null, null, ModelAvailability.Ready, "rule-based benchmark", true));
        statuses[2].Trading.ShouldBeTrue();
        statuses[3].ShouldBe(new ModelStatus("ghost", "llm", null, null, ModelAvailability.NotConfigured, "models.active_models names it but Llm:Models:ghost is not configured", true));
        statuses[4].Availability.ShouldBe(ModelAvailability.Unreachable);
        statuses[4].Detail.ShouldContain("not probed yet");
        statuses[6].Active.ShouldBeFalse();
        statuses[6].Trading.ShouldBeFalse();
    }

    [Fact]
    public void Constructor_LlmWithTheIdOfABenchmark_Throws()
    {
        using var catalog = Catalog(Llm("baseline"));

        Should.Throw<ArgumentException>(() => new ConfiguredModels(catalog, Active("baseline")))
            .Message.ShouldStartWith("Llm:Models:baseline uses the id of a rule-based benchmark (baseline, buy-and-hold)");
    }

    [Fact]
    public async Task RunAsync_BadLlmSetting_PrintsOneConfigurationLine()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await SiloHost.RunAsync(
            ["--data-dir", data.Path, "--Llm:Models:claude:Provider=Anthropic", "--Llm:Models:claude:ModelName=claude-sonnet-4-5", "--Llm:Models:claude:MaxRetries=99"],
            output, error, TestContext.Current.CancellationToken);

        code.ShouldBe(SiloHost.ConfigurationErrorExitCode);
        error.ToString().ShouldBe("Configuration error: Llm:Models:claude:MaxRetries 99 must be 0..10" + Environment.NewLine);
    }
}
