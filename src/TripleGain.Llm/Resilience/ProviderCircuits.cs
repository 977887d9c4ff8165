using System.Collections.Concurrent;
using System.Net.Http;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using TripleGain.Llm.Providers;

namespace TripleGain.Llm.Resilience;

/// <summary>
/// One circuit breaker per provider endpoint (provider kind + base URL), shared by every model that uses it.
/// It opens when all of at least <see cref="LlmProviderOptions.CircuitFailureThreshold"/> attempts within the sampling
/// window failed (5xx, 529, 408, timeouts, connection errors; not 4xx), rejects calls for the break duration,
/// then lets one trial call through (half-open). Settings come from the first model registered for the endpoint.
/// </summary>
public sealed class ProviderCircuits
{
    private readonly ConcurrentDictionary<string, Circuit> _circuits = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ProviderCircuits(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
    }

    /// <summary>"Anthropic https://api.anthropic.com/".</summary>
    public static string KeyOf(LlmProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return $"{options.Provider} {options.EffectiveBaseUrl.GetLeftPart(UriPartial.Path)}";
    }

    /// <summary>The state of an endpoint's circuit (Closed when it has none yet).</summary>
    public CircuitState StateOf(LlmProviderOptions options) =>
        _circuits.TryGetValue(KeyOf(options), out var circuit) ? circuit.State.CircuitState : CircuitState.Closed;

    internal ResiliencePipeline<HttpResponseMessage> For(LlmProviderOptions options) =>
        _circuits.GetOrAdd(KeyOf(options), _ => Create(options)).Pipeline;

    private Circuit Create(LlmProviderOptions options)
    {
        var state = new CircuitBreakerStateProvider();
        var pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = 1.0,
                MinimumThroughput = options.CircuitFailureThreshold,
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                StateProvider = state,
                ShouldHandle = args => ValueTask.FromResult(CountsAgainstCircuit(args.Outcome)),
            })
            .Build();
        return new Circuit(pipeline, state);
    }

    internal static bool CountsAgainstCircuit(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        TimeoutRejectedException or HttpRequestException => true,
        null => outcome.Result is { } response && IsServerFailure((int)response.StatusCode),
        _ => false,
    };

    internal static bool IsServerFailure(int status) => status is 408 or >= 500;

    private sealed record Circuit(ResiliencePipeline<HttpResponseMessage> Pipeline, CircuitBreakerStateProvider State);
}
