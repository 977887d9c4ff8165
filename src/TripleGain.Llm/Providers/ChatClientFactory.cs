using System.ClientModel;
using System.ClientModel.Primitives;
using Anthropic;
using Anthropic.Core;
using Microsoft.Extensions.AI;
using OllamaSharp;
using OpenAI;

namespace TripleGain.Llm.Providers;

/// <summary>
/// Builds the <see cref="IChatClient"/> of a model through its official SDK, over an <see cref="HttpClient"/> whose
/// handler chain carries the resilience (the SDKs' own retries are off, so one policy governs every provider):
/// Anthropic via <c>AnthropicClient.AsIChatClient</c>, OpenAI/xAI/DeepSeek via the OpenAI SDK's ChatClient with the
/// configured endpoint and <c>AsIChatClient</c>, Ollama via <see cref="OllamaApiClient"/> (itself an IChatClient).
/// </summary>
public static class ChatClientFactory
{
    public static IChatClient Create(LlmProviderOptions options, string? apiKey, HttpClient http)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(http);
        var baseUrl = options.EffectiveBaseUrl;
        // the handler enforces the per-attempt timeout; the SDK-level limit only has to outlast every retry
        var outer = (options.Timeout * (options.MaxRetries + 1)) + (options.RetryMaxDelay * options.MaxRetries) + TimeSpan.FromMinutes(1);
        switch (options.Provider)
        {
            case LlmProviderKind.Anthropic:
                var anthropic = new AnthropicClient(new ClientOptions
                {
                    ApiKey = Require(apiKey, options),
                    BaseUrl = baseUrl.ToString().TrimEnd('/'),
                    HttpClient = http,
                    MaxRetries = 0,
                    Timeout = outer,
                });
                return anthropic.AsIChatClient(options.ModelName, options.MaxOutputTokens);

            case LlmProviderKind.OpenAI or LlmProviderKind.XAi or LlmProviderKind.DeepSeek:
                var openAi = new OpenAIClient(new ApiKeyCredential(Require(apiKey, options)), new OpenAIClientOptions
                {
                    Endpoint = baseUrl,
                    Transport = new HttpClientPipelineTransport(http),
                    RetryPolicy = new ClientRetryPolicy(0),
                    NetworkTimeout = outer,
                });
                return openAi.GetChatClient(options.ModelName).AsIChatClient();

            case LlmProviderKind.Ollama:
                http.BaseAddress ??= baseUrl;
                return new OllamaApiClient(http, options.ModelName);

            default:
                throw new ArgumentException($"Provider '{options.Provider}' of model '{options.Id}' is not supported.", nameof(options));
        }
    }

    private static string Require(string? apiKey, LlmProviderOptions options) =>
        string.IsNullOrWhiteSpace(apiKey)
            ? throw new InvalidOperationException($"Model '{options.Id}' has no API key: set {options.EffectiveApiKeyVariable}.")
            : apiKey;
}
