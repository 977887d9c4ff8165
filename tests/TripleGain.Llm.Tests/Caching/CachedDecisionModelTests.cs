using TripleGain.Core.Agents;
using TripleGain.Llm.Caching;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Caching;

public sealed class CachedDecisionModelTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_SameContextTwice_SecondRunMakesNoCallAndDecidesTheSame()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var cache = new InMemoryDecisionCache();
        var model = new CachedDecisionModel(catalog.Models.Single(), cache);
        var context = TestContexts.Create();

        var first = await model.RunDetailedAsync(context, Cancel);
        var second = await model.RunDetailedAsync(context, Cancel);

        server.ChatRequests.Count.ShouldBe(1);
        first.FromCache.ShouldBeFalse();
        first.CostUsd.ShouldBeGreaterThan(0m);
        second.FromCache.ShouldBeTrue();
        second.CostUsd.ShouldBe(0m);
        second.Outcome.ShouldBe(LlmRunOutcome.Decided);
        second.Run.Decisions.ShouldBe(first.Run.Decisions);
        second.Run.Trace.ShouldNotBeNull().RawOutput.ShouldBe(first.Run.Trace!.RawOutput);
        model.CacheHits.ShouldBe(1);
        model.ProviderCalls.ShouldBe(1);
        model.SpentUsd.ShouldBe(first.CostUsd);
        model.SavedUsd.ShouldBe(first.CostUsd);
        var kept = cache.Answers.Single();
        kept.ModelId.ShouldBe("gpt-4o");
        kept.ProviderModel.ShouldBe("gpt-4o");
        kept.DecisionTime.ShouldBe(context.Timestamp);
        kept.PromptHash.ShouldBe((await catalog.Models.Single().RenderPromptAsync(context, Cancel)).Hash);
        kept.CostUsd.ShouldBe(first.CostUsd);
    }

    [Fact]
    public async Task RunAsync_OtherContext_AsksTheProviderAgain()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.Anthropic(server)]);
        var model = new CachedDecisionModel(catalog.Models.Single(), new InMemoryDecisionCache());

        await model.RunAsync(TestContexts.Create(), Cancel);
        await model.RunAsync(TestContexts.Create() with { Timestamp = TestContexts.Now.AddMinutes(5) }, Cancel);

        server.ChatRequests.Count.ShouldBe(2);
        model.CacheHits.ShouldBe(0);
    }

    [Fact]
    public async Task RunAsync_InvalidAnswer_IsKeptAndReplayedAsInvalid()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Ok("I would rather not say."));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var model = new CachedDecisionModel(catalog.Models.Single(), new InMemoryDecisionCache());

        var first = await model.RunDetailedAsync(TestContexts.Create(), Cancel);
        var second = await model.RunDetailedAsync(TestContexts.Create(), Cancel);

        first.Outcome.ShouldBe(LlmRunOutcome.InvalidOutput);
        second.Outcome.ShouldBe(LlmRunOutcome.InvalidOutput);
        second.FromCache.ShouldBeTrue();
        second.Run.Decisions.ShouldBeEmpty();
        second.Detail.ShouldBe(first.Detail);
        server.ChatRequests.Count.ShouldBe(1);
        (await model.DecideAsync(TestContexts.Create(), Cancel)).ShouldAllBe(d => d.Action == TradeAction.Hold);
    }

    [Fact]
    public async Task RunAsync_ProviderFailure_IsNotKept()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(400, """{"error":{"message":"bad request","type":"invalid_request_error"}}"""));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var cache = new InMemoryDecisionCache();
        var model = new CachedDecisionModel(catalog.Models.Single(), cache);

        var failed = await model.RunDetailedAsync(TestContexts.Create(), Cancel);
        var retried = await model.RunDetailedAsync(TestContexts.Create(), Cancel);

        failed.Outcome.ShouldBe(LlmRunOutcome.ProviderFailed);
        retried.Outcome.ShouldBe(LlmRunOutcome.Decided);
        retried.FromCache.ShouldBeFalse();
        model.Failures.ShouldBe(1);
        cache.Stores.ShouldBe(1);
        server.ChatRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunAsync_AnswerOfAnotherProviderModel_IsNotUsed()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var cache = new InMemoryDecisionCache();
        var options = TestModels.OpenAI(server);
        using (var catalog = TestModels.Catalog([options]))
        {
            await new CachedDecisionModel(catalog.Models.Single(), cache).RunAsync(TestContexts.Create(), Cancel);
        }

        options.ModelName = "gpt-4.1";
        using var renamed = TestModels.Catalog([options]);
        var model = new CachedDecisionModel(renamed.Models.Single(), cache);
        var result = await model.RunDetailedAsync(TestContexts.Create(), Cancel);

        result.FromCache.ShouldBeFalse();
        server.ChatRequests.Count.ShouldBe(2);
        cache.Answers.Single().ProviderModel.ShouldBe("gpt-4.1");
    }

    [Fact]
    public async Task RunAsync_SpendLimitReached_RefusesTheNextCallButStillServesTheCache()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var model = new CachedDecisionModel(catalog.Models.Single(), new InMemoryDecisionCache(), spendLimitUsd: 0.0001m);
        await model.RunAsync(TestContexts.Create(), Cancel);

        var error = await Should.ThrowAsync<InvalidOperationException>(() =>
            model.RunAsync(TestContexts.Create() with { Timestamp = TestContexts.Now.AddMinutes(5) }, Cancel).AsTask());

        error.Message.ShouldContain("gpt-4o has spent $");
        error.Message.ShouldContain("the limit of $0.0001");
        (await model.RunDetailedAsync(TestContexts.Create(), Cancel)).FromCache.ShouldBeTrue();
        server.ChatRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Constructor_NegativeSpendLimit_Throws()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);

        Should.Throw<ArgumentOutOfRangeException>(() => new CachedDecisionModel(catalog.Models.Single(), new InMemoryDecisionCache(), -1m))
            .ParamName.ShouldBe("spendLimitUsd");
    }

    [Fact]
    public async Task RenderPromptAsync_SameContext_SameHashOtherContextOtherHash()
    {
        await using var server = await FakeProviderServer.StartAsync();
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var model = catalog.Models.Single();

        var a = await model.RenderPromptAsync(TestContexts.Create(), Cancel);
        var b = await model.RenderPromptAsync(TestContexts.Create(), Cancel);
        var c = await model.RenderPromptAsync(TestContexts.Create(withXrpBtc: true), Cancel);

        a.Hash.ShouldBe(b.Hash);
        a.Hash.ShouldMatch("^[0-9a-f]{64}$");
        c.Hash.ShouldNotBe(a.Hash);
        a.Hash.ShouldNotBe(a.TemplateHash);
    }
}
