using Microsoft.Extensions.AI;

namespace TripleGain.Llm;

/// <summary>Stands in for a model without key: never reached, since such a model holds before calling.</summary>
internal sealed class UnconfiguredChatClient(string modelId) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"Model '{modelId}' is not configured.");

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"Model '{modelId}' is not configured.");

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
