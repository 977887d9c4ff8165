namespace TripleGain.Grains.Models;

/// <summary>
/// One model as the dashboard lists it: id, kind ("rule-based" or "llm"), provider and provider model name (LLMs),
/// whether it can decide and why ("ANTHROPIC_API_KEY is not set"), and whether models.active_models names it.
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.ModelStatus")]
public sealed record ModelStatus(
    [property: Id(0)] string ModelId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string? Provider,
    [property: Id(3)] string? ProviderModel,
    [property: Id(4)] ModelAvailability Availability,
    [property: Id(5)] string Detail,
    [property: Id(6)] bool Active)
{
    public const string RuleBasedKind = "rule-based";
    public const string LlmKind = "llm";

    /// <summary>Active and ready: it trades its paper account in comparison mode.</summary>
    public bool Trading => Active && Availability == ModelAvailability.Ready;
}
