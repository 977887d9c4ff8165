namespace TripleGain.Llm.Providers;

/// <summary>Which wire protocol and SDK a model is reached through.</summary>
public enum LlmProviderKind
{
    /// <summary>Anthropic Messages API through the official Anthropic SDK.</summary>
    Anthropic = 1,

    /// <summary>OpenAI Chat Completions through the OpenAI SDK.</summary>
    OpenAI = 2,

    /// <summary>xAI Grok: OpenAI-compatible Chat Completions at https://api.x.ai/v1.</summary>
    XAi = 3,

    /// <summary>DeepSeek: OpenAI-compatible Chat Completions at https://api.deepseek.com (json_object only).</summary>
    DeepSeek = 4,

    /// <summary>A local Ollama server's /api/chat through OllamaSharp; no key, configured when it answers.</summary>
    Ollama = 5,
}
