namespace TripleGain.Llm.Resilience;

/// <summary>Why a provider call failed after the resilience layer gave up.</summary>
public enum ProviderFailure
{
    /// <summary>401/403, or xAI's 400 "Incorrect API key": never retried; the model is marked unauthorized.</summary>
    Unauthorized = 1,

    /// <summary>429 still after the retries, a retry-after beyond the longest wait, or a quota/spend limit (not retried).</summary>
    RateLimited = 2,

    /// <summary>5xx or Anthropic's 529 overloaded still after the retries.</summary>
    ServerError = 3,

    /// <summary>Every attempt exceeded the per-request timeout.</summary>
    Timeout = 4,

    /// <summary>The provider's circuit is open after repeated failures; no request was sent.</summary>
    CircuitOpen = 5,

    /// <summary>Another 4xx (bad request, unknown model): not retried.</summary>
    Rejected = 6,

    /// <summary>The endpoint could not be reached (connection refused, DNS, TLS) after the retries.</summary>
    Unreachable = 7,

    /// <summary>A 2xx answer the SDK could not read (not the provider's JSON shape).</summary>
    MalformedResponse = 8,
}
