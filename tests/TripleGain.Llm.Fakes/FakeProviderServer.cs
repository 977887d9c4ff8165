using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TripleGain.Tests.Shared;

namespace TripleGain.Llm.Fakes;

/// <summary>
/// A real Kestrel server on 127.0.0.1 speaking the providers' wire formats, answering from the recorded bodies in
/// shared/reference/llm (read at test time): Anthropic Messages (POST /v1/messages), OpenAI-compatible Chat Completions
/// (POST /v1/chat/completions and /chat/completions; the template is OpenAI's json_schema answer, xAI's for "grok*"
/// models, DeepSeek's for "deepseek*"), and Ollama (POST /api/chat, GET /api/tags). Replies are scripted per test
/// (<see cref="Enqueue"/>); when the script is empty it answers 200 with <see cref="DecisionJson"/> after
/// <see cref="Latency"/>. It counts the chat requests in flight and the most seen at once (<see cref="MaxConcurrency"/>);
/// <see cref="HoldUntilConcurrent"/> makes every chat request wait until that many are in flight, which proves calls
/// overlap without any timing assertion.
/// </summary>
public sealed class FakeProviderServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<FakeReply> _script = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private int _inFlight;
    private int _maxConcurrency;
    private int _holdCount;
    private TimeSpan _holdLimit;
    private TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeProviderServer(WebApplication app, TimeProvider time)
    {
        _app = app;
        _time = time;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The content a default 200 answer carries.</summary>
    public string DecisionJson { get; set; } =
        """{"decisions":[{"pair":"BTC/USDT","action":"BUY","size_pct":10,"confidence":0.8,"stop_loss":68000,"take_profit":74000,"reasoning":"uptrend on 1h and 4h"},{"pair":"XRP/USDT","action":"HOLD","size_pct":0,"confidence":0.5,"stop_loss":null,"take_profit":null,"reasoning":"no edge"}]}""";

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>How long a default (unscripted) answer takes.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The most chat requests that were in flight at the same time.</summary>
    public int MaxConcurrency => Volatile.Read(ref _maxConcurrency);

    /// <summary>Chat requests in flight now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Requests to the chat endpoints (not the Ollama probe).</summary>
    public IReadOnlyList<RecordedRequest> ChatRequests => _requests.Where(r => r.Path != "/api/tags").ToList();

    public static async Task<FakeProviderServer> StartAsync(TimeProvider? time = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeProviderServer(app, time ?? TimeProvider.System);
        app.MapPost("/v1/messages", server.HandleAsync);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapPost("/chat/completions", server.HandleAsync);
        app.MapPost("/api/chat", server.HandleAsync);
        app.MapGet("/api/tags", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public Uri Url(string relative) => new(BaseUrl, relative);

    /// <summary>
    /// From now on a chat request is held until <paramref name="count"/> requests are in flight at once (then all
    /// held ones go on), or until <paramref name="limit"/> has passed for it. Calls made one after the other therefore
    /// never reach the count, and <see cref="MaxConcurrency"/> stays below it. Once every request of a released wave
    /// has answered, the next wave is held again.
    /// </summary>
    public void HoldUntilConcurrent(int count, TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            _holdCount = count;
            _holdLimit = limit;
            _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Forgets the recorded requests and the concurrency peak.</summary>
    public void Reset()
    {
        _requests.Clear();
        lock (_gate)
        {
            _maxConcurrency = _inFlight;
        }
    }

    public void Enqueue(params FakeReply[] replies)
    {
        foreach (var reply in replies)
        {
            _script.Enqueue(reply);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>The recorded error body of a provider for a status, from shared/reference/llm/&lt;provider&gt;.json.</summary>
    public static string RecordedError(string provider, int status)
    {
        var errors = Reference(provider)["errors"]!["recorded"]!.AsArray();
        var entry = errors.First(e => e!["status"]!.GetValue<int>() == status)!;
        return entry["body"]?.ToJsonString() ?? entry["body_raw"]!.GetValue<string>();
    }

    public static JsonNode Reference(string provider) =>
        JsonNode.Parse(File.ReadAllText(ReferenceData.Require($"llm/{provider}.json")))!;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string text;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(context.RequestAborted);
        }

        JsonNode? body = null;
        try
        {
            body = text.Length == 0 ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
        }

        var headers = request.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => h.Value.ToString());
        var recorded = new RecordedRequest(request.Path.Value ?? "", headers, body, _time.GetUtcNow());
        _requests.Enqueue(recorded);

        if (recorded.Path == "/api/tags")
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""{"models":[{"name":"qwen2.5:7b","model":"qwen2.5:7b"}]}""");
            return;
        }

        Task held;
        TimeSpan holdLimit;
        lock (_gate)
        {
            _inFlight++;
            _maxConcurrency = Math.Max(_maxConcurrency, _inFlight);
            if (_holdCount > 0 && _inFlight >= _holdCount)
            {
                _released.TrySetResult();
            }

            held = _holdCount > 0 ? _released.Task : Task.CompletedTask;
            holdLimit = _holdLimit;
        }

        try
        {
            var reply = _script.TryDequeue(out var scripted) ? scripted : FakeReply.Ok() with { Delay = Latency };
            try
            {
                if (!held.IsCompleted)
                {
                    await Task.WhenAny(held, Task.Delay(holdLimit, context.RequestAborted));
                }

                if (reply.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(reply.Delay, context.RequestAborted);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            await WriteReplyAsync(context, recorded, reply);
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
                if (_inFlight == 0 && _holdCount > 0 && _released.Task.IsCompleted)
                {
                    // the next wave of calls is held again
                    _released = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
        }
    }

    private async Task WriteReplyAsync(HttpContext context, RecordedRequest recorded, FakeReply reply)
    {
        context.Response.StatusCode = reply.Status;
        foreach (var (name, value) in reply.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        var answer = reply.Body ?? SuccessBody(recorded, reply.Content ?? DecisionJson);
        await context.Response.WriteAsync(answer);
    }

    /// <summary>The recorded 200 body of the provider the request is for, with the content replaced.</summary>
    private static string SuccessBody(RecordedRequest request, string content)
    {
        JsonNode body;
        switch (request.Path)
        {
            case "/v1/messages":
                body = Reference("anthropic")["non_streaming"]!["response"]!["body"]!.DeepClone();
                body["content"]![0]!["text"] = content;
                body["model"] = request.Model;
                break;
            case "/api/chat":
                body = Reference("ollama")["non_streaming"]![2]!["response"]!["body"]!.DeepClone();
                body["message"]!["content"] = content;
                body["model"] = request.Model;
                break;
            default:
                body = request.Model switch
                {
                    var m when m.StartsWith("grok", StringComparison.Ordinal) => Reference("xai")["non_streaming"]!["response"]!["body"]!.DeepClone(),
                    var m when m.StartsWith("deepseek", StringComparison.Ordinal) => Reference("deepseek")["non_streaming"]!["response"]!["body"]!.DeepClone(),
                    _ => Reference("openai")["non_streaming_json_schema"]!["response"]!["body"]!.DeepClone(),
                };
                var choice = body["choices"]![0]!;
                var message = choice["message"]!.AsObject();
                message.Remove("tool_calls");
                message["content"] = content;
                choice["finish_reason"] = "stop";
                break;
        }

        return body.ToJsonString();
    }
}
