using System.Globalization;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;
using TripleGain.Core.Agents;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Resilience;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Providers;

/// <summary>Retries, retry-after, fail-fast on bad keys, timeouts and the circuit breaker, through the SDKs over HTTP.</summary>
public sealed class ResilienceTests
{
    private static readonly DecisionContext Context = TestContexts.Create();
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static FakeTimeProvider NewFakeTime() => new(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Fake-clock tests: a long attempt timeout so advancing the clock never times out a live request.</summary>
    private static LlmProviderOptions OnFakeClock(LlmProviderOptions options)
    {
        options.Timeout = TimeSpan.FromHours(2);
        options.RetryBaseDelay = TimeSpan.FromMilliseconds(100);
        return options;
    }

    [Fact]
    public async Task RunDetailedAsync_429WithRetryAfterSeconds_WaitsThatLongThenSucceeds()
    {
        var time = NewFakeTime();
        await using var server = await FakeProviderServer.StartAsync(time);
        server.Enqueue(FakeReply.Error(429, FakeProviderServer.RecordedError("openai", 429), retryAfter: "2"));
        using var catalog = TestModels.Catalog([OnFakeClock(TestModels.OpenAI(server))], time: time);

        var result = await FakeClock.DriveAsync(catalog.Models[0].RunDetailedAsync(Context, Ct), time);

        result.Outcome.ShouldBe(LlmRunOutcome.Decided, result.Detail);
        result.Attempts.ShouldBe(2);
        var requests = server.ChatRequests;
        requests.Count.ShouldBe(2);
        var gap = requests[1].Arrived - requests[0].Arrived;
        gap.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(2));
        gap.ShouldBeLessThan(TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task RunDetailedAsync_429WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        var time = NewFakeTime();
        await using var server = await FakeProviderServer.StartAsync(time);
        var date = time.GetUtcNow().AddSeconds(5).ToString("R", CultureInfo.InvariantCulture);
        server.Enqueue(FakeReply.Error(429, FakeProviderServer.RecordedError("anthropic", 429), retryAfter: date));
        using var catalog = TestModels.Catalog([OnFakeClock(TestModels.Anthropic(server))], time: time);

        var result = await FakeClock.DriveAsync(catalog.Models[0].RunDetailedAsync(Context, Ct), time);

        result.Outcome.ShouldBe(LlmRunOutcome.Decided, result.Detail);
        var requests = server.ChatRequests;
        requests.Count.ShouldBe(2);
        // The retry must not come before the date the server named (the fake clock may run on while the first request is
        // in flight, so the gap between the two arrivals is not the measure).
        requests[1].Arrived.ShouldBeGreaterThanOrEqualTo(DateTimeOffset.Parse(date, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task RunDetailedAsync_RetryAfterBeyondLongestWait_FailsWithoutRetry()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(429, FakeProviderServer.RecordedError("openai", 429), retryAfter: "3600"));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.ProviderFailed);
        result.Failure.ShouldBe(ProviderFailure.RateLimited);
        server.ChatRequests.Count.ShouldBe(1);
        result.Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold);
    }

    [Fact]
    public async Task RunDetailedAsync_429InsufficientQuota_IsNotRetried()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(429, """{"error":{"message":"You exceeded your current quota.","type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"""));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Failure.ShouldBe(ProviderFailure.RateLimited);
        server.ChatRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunDetailedAsync_Anthropic529OverloadedThenOk_RetriesAndDecides()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(529, FakeProviderServer.RecordedError("anthropic", 529)));
        using var catalog = TestModels.Catalog([TestModels.Anthropic(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.Decided, result.Detail);
        server.ChatRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunDetailedAsync_500OnEveryAttempt_FailsAfterRetriesAndHolds()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var body = FakeProviderServer.RecordedError("openai", 500);
        server.Enqueue(FakeReply.Error(500, body), FakeReply.Error(500, body), FakeReply.Error(500, body));
        using var catalog = TestModels.Catalog([TestModels.DeepSeek(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.ProviderFailed);
        result.Failure.ShouldBe(ProviderFailure.ServerError);
        result.Detail!.ShouldContain("HTTP 500: The server had an error processing your request");
        server.ChatRequests.Count.ShouldBe(3);
        result.Attempts.ShouldBe(3);
        result.Run.Trace.ShouldBeNull();
        result.Run.Error.ShouldBe(result.Detail);
        result.Run.Failed.ShouldBeTrue("the model could not decide: a fallback stands in");
        result.Run.Decisions.Count.ShouldBe(2);
        result.Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold && d.Reasoning.Contains("ServerError"));
    }

    [Fact]
    public async Task RunDetailedAsync_401_FailsFastAndMarksModelUnauthorized()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(401, FakeProviderServer.RecordedError("openai", 401)));
        using var catalog = TestModels.Catalog([TestModels.OpenAI(server)]);
        var model = catalog.Models[0];

        var first = await model.RunDetailedAsync(Context, Ct);
        var second = await model.RunDetailedAsync(Context, Ct);

        first.Outcome.ShouldBe(LlmRunOutcome.Unauthorized);
        first.Failure.ShouldBe(ProviderFailure.Unauthorized);
        second.Outcome.ShouldBe(LlmRunOutcome.Unauthorized);
        server.ChatRequests.Count.ShouldBe(1);
        model.Status.State.ShouldBe(LlmModelState.Unauthorized);
        model.Status.Detail.ShouldContain("OPENAI_API_KEY");
        catalog.Usable.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunDetailedAsync_XaiBadKeyAnswered400_FailsFastAsUnauthorized()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(400, FakeProviderServer.RecordedError("xai", 400)));
        using var catalog = TestModels.Catalog([TestModels.XAi(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.Unauthorized);
        server.ChatRequests.Count.ShouldBe(1);
        catalog.Models[0].Status.State.ShouldBe(LlmModelState.Unauthorized);
    }

    [Fact]
    public async Task RunDetailedAsync_Other400_IsRejectedWithoutRetryAndModelStaysConfigured()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Error(400, FakeProviderServer.RecordedError("deepseek", 400)));
        using var catalog = TestModels.Catalog([TestModels.DeepSeek(server)]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Failure.ShouldBe(ProviderFailure.Rejected);
        server.ChatRequests.Count.ShouldBe(1);
        catalog.Models[0].Status.State.ShouldBe(LlmModelState.Configured);
    }

    [Fact]
    public async Task RunDetailedAsync_AnswerSlowerThanTimeout_TimesOutEachAttempt()
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(FakeReply.Slow(TimeSpan.FromSeconds(30)), FakeReply.Slow(TimeSpan.FromSeconds(30)));
        var options = TestModels.OpenAI(server);
        options.Timeout = TimeSpan.FromMilliseconds(250);
        options.MaxRetries = 1;
        using var catalog = TestModels.Catalog([options]);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.ProviderFailed);
        result.Failure.ShouldBe(ProviderFailure.Timeout);
        server.ChatRequests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task RunDetailedAsync_ConsecutiveFailures_OpenTheCircuitThenHalfOpenTrialCloses()
    {
        var time = NewFakeTime();
        await using var server = await FakeProviderServer.StartAsync(time);
        var body = FakeProviderServer.RecordedError("anthropic", 500);
        server.Enqueue(FakeReply.Error(500, body), FakeReply.Error(500, body));
        var options = OnFakeClock(TestModels.Anthropic(server));
        options.MaxRetries = 0;
        options.CircuitFailureThreshold = 2;
        options.CircuitBreakDuration = TimeSpan.FromSeconds(30);
        using var catalog = TestModels.Catalog([options], time: time);
        var model = catalog.Models[0];

        (await model.RunDetailedAsync(Context, Ct)).Failure.ShouldBe(ProviderFailure.ServerError);
        (await model.RunDetailedAsync(Context, Ct)).Failure.ShouldBe(ProviderFailure.ServerError);
        var rejected = await model.RunDetailedAsync(Context, Ct);

        rejected.Failure.ShouldBe(ProviderFailure.CircuitOpen);
        server.ChatRequests.Count.ShouldBe(2);
        catalog.Circuits.StateOf(options).ShouldBe(CircuitState.Open);

        time.Advance(TimeSpan.FromSeconds(31));
        var trial = await model.RunDetailedAsync(Context, Ct);

        trial.Outcome.ShouldBe(LlmRunOutcome.Decided, trial.Detail);
        server.ChatRequests.Count.ShouldBe(3);
        catalog.Circuits.StateOf(options).ShouldBe(CircuitState.Closed);
    }

    [Fact]
    public async Task RunDetailedAsync_TwoModelsOfOneProvider_ShareTheCircuit()
    {
        var time = NewFakeTime();
        await using var server = await FakeProviderServer.StartAsync(time);
        var body = FakeProviderServer.RecordedError("openai", 500);
        server.Enqueue(FakeReply.Error(500, body), FakeReply.Error(500, body));
        var first = OnFakeClock(TestModels.OpenAI(server));
        var second = OnFakeClock(TestModels.OpenAI(server));
        second.Id = "gpt-4o-mini";
        second.ModelName = "gpt-4o-mini";
        foreach (var o in new[] { first, second })
        {
            o.MaxRetries = 0;
            o.CircuitFailureThreshold = 2;
        }

        using var catalog = TestModels.Catalog([first, second], time: time);

        await catalog.Models[0].RunDetailedAsync(Context, Ct);
        await catalog.Models[0].RunDetailedAsync(Context, Ct);
        var other = await catalog.Models[1].RunDetailedAsync(Context, Ct);

        other.Failure.ShouldBe(ProviderFailure.CircuitOpen);
        server.ChatRequests.Count.ShouldBe(2);
    }

    [Theory]
    [InlineData("anthropic")]
    [InlineData("openai")]
    [InlineData("ollama")]
    public async Task RunDetailedAsync_200WithUnreadableBody_FailsAsMalformedResponse(string provider)
    {
        await using var server = await FakeProviderServer.StartAsync();
        server.Enqueue(new FakeReply(200, Body: "<html>gateway hiccup</html>"));
        var options = provider switch
        {
            "anthropic" => TestModels.Anthropic(server),
            "openai" => TestModels.OpenAI(server),
            _ => TestModels.Ollama(server),
        };
        using var catalog = TestModels.Catalog([options]);
        await catalog.ProbeAllAsync(Ct);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Outcome.ShouldBe(LlmRunOutcome.ProviderFailed);
        result.Failure.ShouldBe(ProviderFailure.MalformedResponse);
        result.Run.Decisions.ShouldAllBe(d => d.Action == TradeAction.Hold);
        server.ChatRequests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task RunDetailedAsync_Ollama500WithErrorString_RetriesThenReportsTheMessage()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var body = """{"error": "the model failed to generate a response"}""";
        server.Enqueue(FakeReply.Error(500, body), FakeReply.Error(500, body), FakeReply.Error(500, body));
        using var catalog = TestModels.Catalog([TestModels.Ollama(server)]);
        await catalog.ProbeAllAsync(Ct);

        var result = await catalog.Models[0].RunDetailedAsync(Context, Ct);

        result.Failure.ShouldBe(ProviderFailure.ServerError);
        result.Detail.ShouldBe("qwen2.5-7b: ServerError: HTTP 500: the model failed to generate a response");
        server.ChatRequests.Count.ShouldBe(3);
    }
}
