using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using TripleGain.Llm.Providers;

namespace TripleGain.Llm.Resilience;

/// <summary>
/// The HTTP handler under each provider SDK (whose own retries are switched off): a per-attempt timeout, retries with
/// exponential backoff that honour retry-after on 429 and retry 408/5xx/529 and connection errors, the provider's
/// shared circuit breaker, and fail-fast on a rejected key (401/403, xAI's 400 "Incorrect API key"), which marks the
/// model unauthorized. A call that fails for good throws <see cref="LlmProviderException"/>; the API key is scrubbed
/// from every message it builds.
/// </summary>
public sealed partial class ProviderResilienceHandler : DelegatingHandler
{
    private const int MaxErrorText = 300;

    private readonly LlmProviderOptions _options;
    private readonly ModelHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string? _apiKey;
    private readonly ResiliencePipeline<HttpResponseMessage> _retry;
    private readonly ResiliencePipeline<HttpResponseMessage> _circuit;
    private readonly ResiliencePipeline _timeout;

    public ProviderResilienceHandler(
        LlmProviderOptions options, ProviderCircuits circuits, ModelHealth health, TimeProvider time, ILogger logger, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(circuits);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        _options = options;
        _health = health;
        _time = time;
        _logger = logger;
        _apiKey = apiKey;
        _circuit = circuits.For(options);
        _timeout = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.Timeout).Build();
        var retry = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            retry.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, args.Context.CancellationToken),
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result is { } response ? RetryAfter.From(response, _time.GetUtcNow()) : null),
                OnRetry = args =>
                {
                    LogRetry(_logger, _options.Id, args.AttemptNumber + 1, Describe(args.Outcome), args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            });
        }

        _retry = retry.Build();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var call = ProviderCall.Current;
        HttpResponseMessage response;
        try
        {
            response = await _retry.ExecuteAsync(
                async retryToken => await _circuit.ExecuteAsync(
                    async circuitToken => await _timeout.ExecuteAsync(
                        async attemptToken =>
                        {
                            call?.CountAttempt();
                            return await base.SendAsync(Clone(request, body), attemptToken).ConfigureAwait(false);
                        },
                        circuitToken).ConfigureAwait(false),
                    retryToken).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException ex)
        {
            throw Fail(ProviderFailure.CircuitOpen, null, $"the circuit of {ProviderCircuits.KeyOf(_options)} is open after repeated failures", ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw Fail(ProviderFailure.Timeout, null, $"no answer within {_options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", ex);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Fail(ProviderFailure.Unreachable, null, $"{_options.EffectiveBaseUrl} could not be reached ({Scrub(ex.Message)})", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            if (call is not null)
            {
                await CaptureUsageAsync(response, call, cancellationToken).ConfigureAwait(false);
            }

            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var text = await ErrorTextAsync(response, cancellationToken).ConfigureAwait(false);
            var failure = Classify(status, text);
            if (failure == ProviderFailure.Unauthorized)
            {
                _health.Set(LlmModelState.Unauthorized, $"the provider rejected the key in {_options.EffectiveApiKeyVariable} (HTTP {status}): {text}");
            }

            throw Fail(failure, status, $"HTTP {status}: {text}", null);
        }
    }

    /// <summary>Keeps the raw <c>usage</c> object of a JSON answer (buffered, so the SDK still reads the body).</summary>
    private static async Task CaptureUsageAsync(HttpResponseMessage response, ProviderCall call, CancellationToken cancellationToken)
    {
        if (response.Content.Headers.ContentType?.MediaType is not "application/json")
        {
            return;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(bytes);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("usage", out var usage)
                && usage.ValueKind == JsonValueKind.Object)
            {
                call.SetUsage(usage);
            }
        }
        catch (JsonException)
        {
            // the SDK will report the malformed body
        }
    }

    private LlmProviderException Fail(ProviderFailure failure, int? status, string detail, Exception? inner)
    {
        var message = Scrub($"{_options.Id}: {failure}: {detail}");
        LogFailure(_logger, _options.Id, failure, message);
        return new LlmProviderException(_options.Id, failure, status, message, inner is null ? null : new LlmProviderException(Scrub(inner.GetType().Name)));
    }

    private async ValueTask<bool> ShouldRetryAsync(Outcome<HttpResponseMessage> outcome, CancellationToken cancellationToken)
    {
        if (outcome.Exception is not null)
        {
            return outcome.Exception is TimeoutRejectedException or HttpRequestException && !cancellationToken.IsCancellationRequested;
        }

        var response = outcome.Result!;
        var status = (int)response.StatusCode;
        if (status == 429)
        {
            var wait = RetryAfter.From(response, _time.GetUtcNow());
            if (wait > _options.RetryMaxDelay)
            {
                return false;
            }

            var text = await ErrorTextAsync(response, cancellationToken).ConfigureAwait(false);
            return !IsQuotaExhausted(text);
        }

        return ProviderCircuits.IsServerFailure(status);
    }

    private static ProviderFailure Classify(int status, string text) =>
        status switch
        {
            401 or 403 => ProviderFailure.Unauthorized,
            400 when text.Contains("api key", StringComparison.OrdinalIgnoreCase) => ProviderFailure.Unauthorized,
            429 => ProviderFailure.RateLimited,
            _ when ProviderCircuits.IsServerFailure(status) => ProviderFailure.ServerError,
            _ => ProviderFailure.Rejected,
        };

    private static bool IsQuotaExhausted(string text) =>
        text.Contains("insufficient_quota", StringComparison.OrdinalIgnoreCase)
        || text.Contains("enforced_spend_limit", StringComparison.OrdinalIgnoreCase)
        || text.Contains("exceeded your current quota", StringComparison.OrdinalIgnoreCase);

    /// <summary>The provider's error text: <c>error.message</c> (OpenAI, Anthropic, DeepSeek), <c>error</c> (xAI, Ollama) or the raw body, scrubbed and cut.</summary>
    private async Task<string> ErrorTextAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        string body;
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException)
        {
            return response.ReasonPhrase ?? "";
        }

        var text = body;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error))
            {
                var code = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                var type = error.ValueKind == JsonValueKind.Object && error.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                text = error.ValueKind switch
                {
                    JsonValueKind.String => error.GetString()!,
                    JsonValueKind.Object when error.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String =>
                        $"{m.GetString()} ({string.Join(", ", new[] { type, code }.Where(x => !string.IsNullOrEmpty(x)).Distinct())})",
                    _ => body,
                };
            }
        }
        catch (JsonException)
        {
            // not JSON: keep the body
        }

        text = Scrub(text.ReplaceLineEndings(" ").Trim());
        return text.Length <= MaxErrorText ? text : string.Concat(text.AsSpan(0, MaxErrorText), "…");
    }

    private string Scrub(string text) =>
        string.IsNullOrEmpty(_apiKey) || _apiKey.Length < 4 ? text : text.Replace(_apiKey, "***", StringComparison.Ordinal);

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } ex ? ex.GetType().Name : $"HTTP {(int)outcome.Result!.StatusCode}";

    private static HttpRequestMessage Clone(HttpRequestMessage original, byte[]? body)
    {
        var clone = new HttpRequestMessage(original.Method, original.RequestUri)
        {
            Version = original.Version,
            VersionPolicy = original.VersionPolicy,
        };
        foreach (var header in original.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        if (body is not null)
        {
            clone.Content = new ByteArrayContent(body);
            foreach (var header in original.Content!.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        foreach (var option in original.Options)
        {
            ((IDictionary<string, object?>)clone.Options)[option.Key] = option.Value;
        }

        return clone;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId}: attempt {Attempt} failed with {Outcome}; retrying in {DelaySeconds} s")]
    private static partial void LogRetry(ILogger logger, string modelId, int attempt, string outcome, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId}: provider call failed ({Failure}): {Message}")]
    private static partial void LogFailure(ILogger logger, string modelId, ProviderFailure failure, string message);
}
