using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Providers;

/// <summary>One decision per provider through its real SDK over HTTP to the fake server answering with the recorded bodies.</summary>
public sealed class ProviderHappyPathTests
{
    private static readonly DecisionContext Context = TestContexts.Create();

    private static async Task<(LlmRunResult Result, RecordedRequest Request)> RunOnceAsync(Func<FakeProviderServer, LlmProviderOptions> model)
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([model(server)]);
        var llm = catalog.Models.Single();
        if (llm.Options.Provider == LlmProviderKind.Ollama)
        {
            (await catalog.ProbeAsync(llm.Id, TestContext.Current.CancellationToken)).State.ShouldBe(LlmModelState.Configured);
        }

        var result = await llm.RunDetailedAsync(Context, TestContext.Current.CancellationToken);
        return (result, server.ChatRequests.Single());
    }

    private static void ShouldHaveDecided(LlmRunResult result, string modelId)
    {
        result.Outcome.ShouldBe(LlmRunOutcome.Decided, result.Detail);
        var buy = result.Run.Decisions.Single(d => d.Pair == Pair.BtcUsdt);
        buy.ShouldBe(new TradeDecision(modelId, Pair.BtcUsdt, TradeAction.Buy, 10m, 0.8, 68000m, 74000m, "uptrend on 1h and 4h", TestContexts.Now));
        result.Run.Decisions.Single(d => d.Pair == Pair.XrpUsdt).Action.ShouldBe(TradeAction.Hold);
        var trace = result.Run.Trace.ShouldNotBeNull();
        trace.Parsed.ShouldBeTrue();
        trace.ParseError.ShouldBeNull();
        trace.PromptName.ShouldBe("trading/decision@1");
        trace.PromptHash.ShouldBe(new DecisionPrompt(PromptLibrary.Load()).TemplateHash);
        trace.PromptHash.Length.ShouldBe(64);
        trace.Prompt.ShouldContain("BTC/USDT: last price 70000");
        trace.RawOutput.ShouldContain("\"decisions\"");
        trace.Latency.ShouldBeGreaterThan(TimeSpan.Zero);
        trace.CostUsd.ShouldBe(result.CostUsd);
    }

    [Fact]
    public async Task Anthropic_DecisionThroughSdk_ParsesUsageAndCost()
    {
        var (result, request) = await RunOnceAsync(TestModels.Anthropic);

        ShouldHaveDecided(result, "claude-sonnet-4-5");
        request.Path.ShouldBe("/v1/messages");
        request.Model.ShouldBe("claude-sonnet-4-5");
        (request.Headers.GetValueOrDefault("x-api-key", "") + request.Headers.GetValueOrDefault("authorization", "")).ShouldContain(TestModels.AnthropicKey);
        request.Body!["system"]!.ToJsonString().ShouldContain("disciplined crypto trading agent");
        // the SDK's IChatClient maps ChatResponseFormat.ForJsonSchema to Anthropic structured output
        request.Body["output_config"]!["format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
        // recorded usage: input_tokens 20, output_tokens 10, no cache reads
        result.Run.Trace!.InputTokens.ShouldBe(20);
        result.Run.Trace.OutputTokens.ShouldBe(10);
        result.CostUsd.ShouldBe((20 * 3m + 10 * 15m) / 1_000_000m);
    }

    [Fact]
    public async Task OpenAI_DecisionThroughSdk_SendsJsonSchemaAndParsesUsage()
    {
        var (result, request) = await RunOnceAsync(TestModels.OpenAI);

        ShouldHaveDecided(result, "gpt-4o");
        request.Path.ShouldBe("/v1/chat/completions");
        request.Headers["authorization"].ShouldBe($"Bearer {TestModels.OpenAiKey}");
        request.Body!["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
        request.Body["response_format"]!["json_schema"]!["name"]!.GetValue<string>().ShouldBe("trade_decisions");
        // recorded usage: prompt_tokens 92, completion_tokens 15
        result.Usage.InputTokens.ShouldBe(92);
        result.Usage.OutputTokens.ShouldBe(15);
        result.CostUsd.ShouldBe((92 * 2.5m + 15 * 10m) / 1_000_000m);
    }

    [Fact]
    public async Task XAi_DecisionThroughOpenAiSdkAtCustomEndpoint_CountsCachedTokensAtCachedPrice()
    {
        var (result, request) = await RunOnceAsync(TestModels.XAi);

        ShouldHaveDecided(result, "grok-3");
        request.Path.ShouldBe("/v1/chat/completions");
        request.Model.ShouldBe("grok-3");
        request.Body!["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_schema");
        // recorded usage: prompt 291 of which 244 cached, completion 26, reasoning 189
        result.Usage.InputTokens.ShouldBe(291);
        result.Usage.CachedInputTokens.ShouldBe(244);
        result.Usage.OutputTokens.ShouldBe(26);
        result.Usage.ReasoningTokens.ShouldBe(189);
        result.CostUsd.ShouldBe((47 * 3m + 244 * 0.75m + 26 * 15m) / 1_000_000m);
        // xAI's own price of the call: cost_in_usd_ticks 1399000 / 10^10
        result.ProviderCostUsd.ShouldBe(0.0001399m);
    }

    [Fact]
    public async Task DeepSeek_DecisionThroughOpenAiSdk_SendsJsonObjectAndParsesReasonerUsage()
    {
        var (result, request) = await RunOnceAsync(TestModels.DeepSeek);

        ShouldHaveDecided(result, "deepseek-chat");
        request.Path.ShouldBe("/chat/completions");
        request.Body!["response_format"]!["type"]!.GetValue<string>().ShouldBe("json_object");
        // recorded usage: prompt 12 (cache miss 12), completion 789 of which reasoning 415
        result.Usage.InputTokens.ShouldBe(12);
        result.Usage.CachedInputTokens.ShouldBe(0);
        result.Usage.OutputTokens.ShouldBe(789);
        result.Usage.ReasoningTokens.ShouldBe(415);
        result.Attempts.ShouldBe(1);
        result.CostUsd.ShouldBe((12 * 0.27m + 789 * 1.10m) / 1_000_000m);
    }

    [Fact]
    public async Task Ollama_ProbedThenDecisionThroughOllamaSharp_SendsFormatSchemaAndParsesEvalCounts()
    {
        var (result, request) = await RunOnceAsync(TestModels.Ollama);

        ShouldHaveDecided(result, "qwen2.5-7b");
        request.Path.ShouldBe("/api/chat");
        request.Model.ShouldBe("qwen2.5:7b");
        request.Body!["format"]!["properties"]!["decisions"].ShouldNotBeNull();
        // recorded: prompt_eval_count 34, eval_count 12; local model costs nothing
        result.Usage.InputTokens.ShouldBe(34);
        result.Usage.OutputTokens.ShouldBe(12);
        result.CostUsd.ShouldBe(0m);
    }

    [Fact]
    public async Task RunDetailedAsync_FiveProvidersConcurrently_AllDecideIndependently()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(Enumerable.Range(0, 5).Select(_ => FakeReply.Slow(TimeSpan.FromMilliseconds(300))).ToArray());
        using var catalog = TestModels.Catalog(
            [TestModels.Anthropic(server), TestModels.OpenAI(server), TestModels.XAi(server), TestModels.DeepSeek(server), TestModels.Ollama(server)]);
        await catalog.ProbeAllAsync(TestContext.Current.CancellationToken);

        var results = await Task.WhenAll(catalog.Models.Select(m => m.RunDetailedAsync(Context, TestContext.Current.CancellationToken)));

        results.ShouldAllBe(r => r.Outcome == LlmRunOutcome.Decided);
        results.Select(r => r.Run.Decisions[0].ModelId).ShouldBe(["claude-sonnet-4-5", "gpt-4o", "grok-3", "deepseek-chat", "qwen2.5-7b"]);
        server.ChatRequests.Count.ShouldBe(5);
        catalog.Costs.SpentOn("gpt-4o", DateTime.UtcNow).ShouldBe((92 * 2.5m + 15 * 10m) / 1_000_000m);
    }
}
