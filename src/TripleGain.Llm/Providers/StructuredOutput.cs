namespace TripleGain.Llm.Providers;

/// <summary>How the TradeDecision JSON shape is requested from the provider.</summary>
public enum StructuredOutput
{
    /// <summary>Provider default: JSON schema for OpenAI, xAI, Ollama and Anthropic; JSON object for DeepSeek.</summary>
    Auto = 0,

    /// <summary>Send the JSON schema (OpenAI/xAI <c>response_format: json_schema</c>, Ollama <c>format</c>, Anthropic structured output).</summary>
    JsonSchema = 1,

    /// <summary>Ask for any JSON object (<c>response_format: json_object</c>); the prompt carries the shape.</summary>
    JsonObject = 2,

    /// <summary>Send nothing: the prompt alone asks for the JSON.</summary>
    PromptOnly = 3,
}
