using System.Text.Json;

namespace TripleGain.Llm.Resilience;

/// <summary>
/// What the HTTP layer saw during one model call, handed back to the caller through an async-local scope: how many
/// attempts were sent and the raw <c>usage</c> object of the successful JSON answer, which carries provider fields
/// that Microsoft.Extensions.AI does not map (DeepSeek's prompt_cache_hit_tokens, Anthropic's cache token counts,
/// xAI's cost_in_usd_ticks).
/// </summary>
internal sealed class ProviderCall : IDisposable
{
    private static readonly AsyncLocal<ProviderCall?> CurrentCall = new();
    private readonly ProviderCall? _previous;
    private int _attempts;

    private ProviderCall()
    {
        _previous = CurrentCall.Value;
        CurrentCall.Value = this;
    }

    public static ProviderCall? Current => CurrentCall.Value;

    public int Attempts => Volatile.Read(ref _attempts);

    /// <summary>The answer's <c>usage</c> object, or null when none was seen.</summary>
    public JsonElement? Usage { get; private set; }

    public static ProviderCall Begin() => new();

    public void CountAttempt() => Interlocked.Increment(ref _attempts);

    public void SetUsage(JsonElement usage) => Usage = usage.Clone();

    public void Dispose() => CurrentCall.Value = _previous;
}
