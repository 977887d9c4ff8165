using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TripleGain.Core.Agents;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Providers;

/// <summary>Configuration, missing keys, budgets, invalid output and that keys never show up in messages or logs.</summary>
public sealed class ModelCatalogTests
{
    private static readonly DecisionContext Context = TestContexts.Create();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Catalog_MissingKeys_ModelsAreNotConfiguredAndHoldWithoutCalling()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog(
            [TestModels.Anthropic(server), TestModels.OpenAI(server), TestModels.XAi(server), TestModels.DeepSeek(server), TestModels.Ollama(server)],
            keys: new Dictionary<string, string>());

        var statuses = catalog.Statuses;
        var results = new List<LlmRunResult>();
        foreach (var model in catalog.Models)
        {
            results.Add(await model.RunDetailedAsync(Context, Ct));
        }

        statuses.Select(s => s.State).ShouldBe([LlmModelState.NotConfigured, LlmModelState.NotConfigured, LlmModelState.NotConfigured, LlmModelState.NotConfigured, LlmModelState.Unreachable]);
        statuses[0].Detail.ShouldBe("ANTHROPIC_API_KEY is not set");
        statuses[2].Detail.ShouldBe("XAI_API_KEY is not set");
        catalog.Usable.ShouldBeEmpty();
        results.Take(4).ShouldAllBe(r => r.Outcome == LlmRunOutcome.NotConfigured);
        results[0].Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold && d.Reasoning.Contains("ANTHROPIC_API_KEY is not set"));
        server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProbeAsync_OllamaAnswering_BecomesConfigured()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.Ollama(server)]);

        var status = await catalog.ProbeAsync("qwen2.5-7b", Ct);

        status.State.ShouldBe(LlmModelState.Configured);
        status.Detail.ShouldNotContain("does not list");
        server.Requests.Single().Path.ShouldBe("/api/tags");
    }

    [Fact]
    public async Task ProbeAsync_OllamaNotListening_IsUnreachableAndHolds()
    {
        Uri deadUrl;
        await using (var server = await FakeProviderServer.StartAsync())
        {
            deadUrl = server.BaseUrl;
        }

        var options = new LlmProviderOptions { Id = "qwen", Provider = LlmProviderKind.Ollama, ModelName = "qwen2.5:7b", BaseUrl = deadUrl };
        using var catalog = TestModels.Catalog([options]);

        var status = await catalog.ProbeAsync("qwen", Ct);
        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        status.State.ShouldBe(LlmModelState.Unreachable);
        result.Outcome.ShouldBe(LlmRunOutcome.NotConfigured);
        result.Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold);
    }

    [Fact]
    public async Task RunDetailedAsync_DailyBudgetReached_HoldsWithoutCallingUntilNextUtcDay()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 23, 0, 0, TimeSpan.Zero));
        await using var server = await FakeProviderServer.StartAsync(time);
        var options = TestModels.Anthropic(server);
        options.DailyBudgetUsd = 0.0002m; // one recorded call costs 0.00021
        var ledger = new CostLedger();
        using var catalog = TestModels.Catalog([options], time: time, ledger: ledger);
        var model = catalog.Models[0];

        var first = await model.RunDetailedAsync(Context, Ct);
        var second = await model.RunDetailedAsync(Context, Ct);
        time.Advance(TimeSpan.FromHours(1.5));
        var nextDay = await model.RunDetailedAsync(Context, Ct);

        first.Outcome.ShouldBe(LlmRunOutcome.Decided);
        second.Outcome.ShouldBe(LlmRunOutcome.BudgetExhausted);
        second.Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold && d.Reasoning == "daily budget of $0.0002 reached");
        second.Run.Failed.ShouldBeFalse("a spent budget is a deliberate hold: no fallback stands in");
        nextDay.Outcome.ShouldBe(LlmRunOutcome.Decided);
        server.ChatRequests.Count.ShouldBe(2);
        ledger.Day("claude-sonnet-4-5", new DateTime(2025, 3, 14, 0, 0, 0, DateTimeKind.Utc)).ShouldBe(
            new DailyCost("claude-sonnet-4-5", new DateOnly(2025, 3, 14), 0.00021m, 1, 20, 10));
    }

    [Fact]
    public async Task RunAsync_MalformedContent_NoDecisionsAndTraceNotParsed()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Ok("I believe BTC will moon. {\"decisions\": [{\"pair\": \"BTC/USDT\", \"action\": \"BUY\", \"size_pct\": 10"));
        server.Enqueue(FakeReply.Ok("""{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.9,"stop_loss":71000,"take_profit":null,"reasoning":"x"}]}"""));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        IDecisionModel model = catalog.Models[0];

        var run = await model.RunAsync(Context, Ct);
        var decisions = await model.DecideAsync(Context, Ct);

        run.Decisions.ShouldBeEmpty();
        run.Failed.ShouldBeTrue();
        run.Trace!.Parsed.ShouldBeFalse();
        run.Trace.ParseError.ShouldBe("no JSON object with decisions was found in the output");
        run.Trace.InputTokens.ShouldBe(92);
        decisions.Count.ShouldBe(2);
        decisions.ShouldAllBe(d => d.Action == TradeAction.Hold
            && d.Reasoning == "invalid model output: decision 1: stop_loss 71000 is above the price 70000 for a BUY");
    }

    [Fact]
    public async Task Keys_NeverAppearInMessagesStatusesTracesOrLogs()
    {
        using var logs = new CapturedLogs();
        await using var server = await FakeProviderServer.StartAsync();
        // providers that echo the key back in their error text (xAI and DeepSeek print part of it; here all of it)
        server.Enqueue(
            FakeReply.Error(401, $$$"""{"type":"error","error":{"type":"authentication_error","message":"invalid x-api-key {{{TestModels.AnthropicKey}}}"}}"""),
            FakeReply.Error(500, $$$"""{"error":{"message":"boom for {{{TestModels.OpenAiKey}}}","type":"server_error","param":null,"code":null}}"""),
            FakeReply.Error(500, $$$"""{"error":{"message":"boom for {{{TestModels.OpenAiKey}}}","type":"server_error","param":null,"code":null}}"""),
            FakeReply.Error(500, $$$"""{"error":{"message":"boom for {{{TestModels.OpenAiKey}}}","type":"server_error","param":null,"code":null}}"""),
            FakeReply.Error(400, $$$"""{"code":"Client specified an invalid argument","error":"Incorrect API key provided: {{{TestModels.XaiKey}}}. You can obtain an API key from https://console.x.ai."}"""),
            FakeReply.Error(401, $$$"""{"error":{"message":"Authentication Fails, Your api key: {{{TestModels.DeepSeekKey}}} is invalid","type":"authentication_error","param":null,"code":"invalid_request_error"}}"""));
        using var catalog = TestModels.Catalog(
            [TestModels.Anthropic(server), TestModels.OpenAI(server), TestModels.XAi(server), TestModels.DeepSeek(server)],
            loggers: logs.Factory);

        var seen = new List<string>();
        foreach (var model in catalog.Models)
        {
            var result = await model.RunDetailedAsync(Context, Ct);
            seen.Add(result.Detail ?? "");
            seen.AddRange(result.Run.Decisions.Select(d => d.Reasoning));
            seen.Add(model.Status.ToString());
            seen.Add(model.Options.ToString());
        }

        seen.Add(logs.Text);
        var everything = string.Join("\n", seen);
        everything.ShouldContain("invalid x-api-key ***");
        everything.ShouldContain("Incorrect API key provided: ***");
        foreach (var key in TestModels.AllKeys.Values)
        {
            everything.ShouldNotContain(key);
        }

        catalog.Statuses.Select(s => s.State).ShouldBe([LlmModelState.Unauthorized, LlmModelState.Configured, LlmModelState.Unauthorized, LlmModelState.Unauthorized]);
    }

    [Fact]
    public void ReadOptions_ConfigurationSections_BindsEveryFieldAndDefaultsIdToSectionName()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Models:claude-sonnet-4-5:Provider"] = "Anthropic",
            ["Llm:Models:claude-sonnet-4-5:ModelName"] = "claude-sonnet-4-5",
            ["Llm:Models:claude-sonnet-4-5:Timeout"] = "00:00:45",
            ["Llm:Models:claude-sonnet-4-5:MaxRetries"] = "4",
            ["Llm:Models:claude-sonnet-4-5:InputPricePerMillion"] = "3",
            ["Llm:Models:claude-sonnet-4-5:OutputPricePerMillion"] = "15",
            ["Llm:Models:claude-sonnet-4-5:DailyBudgetUsd"] = "5",
            ["Llm:Models:grok-3:Provider"] = "XAi",
            ["Llm:Models:grok-3:ModelName"] = "grok-3",
            ["Llm:Models:grok-3:BaseUrl"] = "https://api.x.ai/v1",
            ["Llm:Models:off:Provider"] = "OpenAI",
            ["Llm:Models:off:ModelName"] = "gpt-4o",
            ["Llm:Models:off:Enabled"] = "false",
        }).Build();

        var options = ModelCatalog.ReadOptions(configuration);

        options.Select(o => o.Id).ShouldBe(["claude-sonnet-4-5", "grok-3"]);
        var claude = options[0];
        claude.Provider.ShouldBe(LlmProviderKind.Anthropic);
        claude.Timeout.ShouldBe(TimeSpan.FromSeconds(45));
        claude.MaxRetries.ShouldBe(4);
        claude.OutputPricePerMillion.ShouldBe(15m);
        claude.DailyBudgetUsd.ShouldBe(5m);
        claude.EffectiveApiKeyVariable.ShouldBe("ANTHROPIC_API_KEY");
        options[1].EffectiveBaseUrl.ShouldBe(new Uri("https://api.x.ai/v1"));
        options[1].EffectiveStructuredOutput.ShouldBe(StructuredOutput.JsonSchema);
    }

    [Fact]
    public void FromConfiguration_InvalidSettings_ThrowsNamingSettingValueAndRule()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Models:gpt-4o:Provider"] = "OpenAI",
            ["Llm:Models:gpt-4o:ModelName"] = "gpt-4o",
            ["Llm:Models:gpt-4o:MaxRetries"] = "50",
            ["Llm:Models:gpt-4o:DailyBudgetUsd"] = "-1",
        }).Build();

        var ex = Should.Throw<InvalidOperationException>(() => ModelCatalog.FromConfiguration(configuration, environment: _ => null));

        ex.Message.ShouldContain("Llm:Models:gpt-4o:MaxRetries 50 must be 0..10");
        ex.Message.ShouldContain("Llm:Models:gpt-4o:DailyBudgetUsd -1 must not be negative");
    }

    [Fact]
    public void FromConfiguration_KeyInConfigurationOrEnvironment_IsConfigured()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Models:gpt-4o:Provider"] = "OpenAI",
            ["Llm:Models:gpt-4o:ModelName"] = "gpt-4o",
            ["Llm:Models:deepseek-chat:Provider"] = "DeepSeek",
            ["Llm:Models:deepseek-chat:ModelName"] = "deepseek-chat",
            ["Llm:Models:claude:Provider"] = "Anthropic",
            ["Llm:Models:claude:ModelName"] = "claude-sonnet-4-5",
            ["OPENAI_API_KEY"] = TestModels.OpenAiKey,
        }).Build();

        using var catalog = ModelCatalog.FromConfiguration(configuration, environment: v => v == "DEEPSEEK_API_KEY" ? TestModels.DeepSeekKey : null);

        // configuration lists sections by key
        catalog.Statuses.Select(s => (s.ModelId, s.State)).ShouldBe(
        [
            ("claude", LlmModelState.NotConfigured),
            ("deepseek-chat", LlmModelState.Configured),
            ("gpt-4o", LlmModelState.Configured),
        ]);
    }

    [Fact]
    public void AddTripleGainLlm_ResolvesCatalogLedgerAndPrompts()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Llm:Models:qwen:Provider"] = "Ollama",
            ["Llm:Models:qwen:ModelName"] = "qwen2.5:7b",
        }).Build();
        var services = new ServiceCollection().AddTripleGainLlm(configuration);
        using var provider = services.BuildServiceProvider();

        var catalog = provider.GetRequiredService<ModelCatalog>();

        catalog.Models.Single().Id.ShouldBe("qwen");
        catalog.Costs.ShouldBeSameAs(provider.GetRequiredService<CostLedger>());
    }
}
