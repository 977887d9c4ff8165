using TripleGain.Llm.Providers;

namespace TripleGain.Llm.Costs;

/// <summary>
/// Tokens of one call as the provider reported them. <see cref="InputTokens"/> counts every prompt token, cached ones
/// included (<see cref="CachedInputTokens"/> is the part read from the provider's cache); <see cref="OutputTokens"/>
/// counts every generated token, reasoning included (<see cref="ReasoningTokens"/> is that part).
/// </summary>
public readonly record struct TokenUsage(long InputTokens, long OutputTokens, long CachedInputTokens = 0, long ReasoningTokens = 0)
{
    public static readonly TokenUsage None = new(0, 0);

    /// <summary>USD cost at the model's prices: uncached input, cached input (at the cached price if set) and output.</summary>
    public decimal CostUsd(LlmProviderOptions prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        var cached = Math.Clamp(CachedInputTokens, 0, InputTokens);
        var uncached = InputTokens - cached;
        var cachedPrice = prices.CachedInputPricePerMillion ?? prices.InputPricePerMillion;
        return ((uncached * prices.InputPricePerMillion) + (cached * cachedPrice) + (OutputTokens * prices.OutputPricePerMillion)) / 1_000_000m;
    }
}
