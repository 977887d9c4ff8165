namespace TripleGain.Llm.Providers;

public enum LlmModelState
{
    /// <summary>Key present (or, for Ollama, the endpoint answered): the model is asked.</summary>
    Configured = 1,

    /// <summary>No key in configuration or environment, or disabled: the model holds and is never called.</summary>
    NotConfigured = 2,

    /// <summary>The provider rejected the key (401/403, xAI's 400 "Incorrect API key"): held until the key changes.</summary>
    Unauthorized = 3,

    /// <summary>Ollama's endpoint did not answer the probe.</summary>
    Unreachable = 4,
}
