namespace TripleGain.Grains.Models;

/// <summary>Whether a model can decide now.</summary>
public enum ModelAvailability
{
    /// <summary>Rule-based, or an LLM with its key (Ollama: its endpoint answered): it is asked.</summary>
    Ready = 1,

    /// <summary>No key, or not in the configuration at all: never asked, holds.</summary>
    NotConfigured = 2,

    /// <summary>The provider rejected the key: not asked again until the key changes (restart).</summary>
    Unauthorized = 3,

    /// <summary>Ollama's endpoint did not answer the last probe.</summary>
    Unreachable = 4,
}
