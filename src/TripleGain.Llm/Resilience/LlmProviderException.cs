namespace TripleGain.Llm.Resilience;

/// <summary>
/// A provider call that failed for good. The message names the model, the HTTP status and the provider's own error
/// message with any API key removed; it never contains request headers.
/// </summary>
public sealed class LlmProviderException : Exception
{
    public LlmProviderException()
    {
    }

    public LlmProviderException(string message)
        : base(message)
    {
    }

    public LlmProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LlmProviderException(string modelId, ProviderFailure failure, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ModelId = modelId;
        Failure = failure;
        StatusCode = statusCode;
    }

    public string ModelId { get; } = "";

    public ProviderFailure Failure { get; } = ProviderFailure.ServerError;

    public int? StatusCode { get; }

    /// <summary>The first <see cref="LlmProviderException"/> in an exception's chain (SDKs may wrap it).</summary>
    public static LlmProviderException? Find(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++, exception = exception.InnerException)
        {
            if (exception is LlmProviderException provider)
            {
                return provider;
            }

            if (exception is AggregateException { InnerExceptions.Count: > 0 } aggregate)
            {
                exception = aggregate.InnerExceptions[0];
                if (exception is LlmProviderException inner)
                {
                    return inner;
                }
            }
        }

        return null;
    }
}
