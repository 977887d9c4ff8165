namespace TripleGain.Llm.Providers;

/// <summary>What the dashboard shows for a model: its state and why ("ANTHROPIC_API_KEY is not set").</summary>
public sealed record LlmModelStatus(string ModelId, LlmProviderKind Provider, string ModelName, LlmModelState State, string Detail)
{
    public bool IsUsable => State == LlmModelState.Configured;
}
