using System.Text.Json;
using Microsoft.Extensions.AI;

namespace TripleGain.Llm.Costs;

/// <summary>
/// The tokens of one answer: what Microsoft.Extensions.AI reports, completed from the raw <c>usage</c> object where
/// a provider says more: Anthropic's <c>input_tokens</c> exclude cache reads and writes (added back, reads counted as
/// cached), DeepSeek's <c>prompt_cache_hit_tokens</c> are its cached input, xAI's <c>cost_in_usd_ticks</c> is the
/// provider's own price of the call (10^10 ticks = 1 USD).
/// </summary>
public static class ProviderUsage
{
    private const decimal TicksPerUsd = 10_000_000_000m;

    public static TokenUsage Combine(UsageDetails? reported, JsonElement? raw, out decimal? providerCostUsd)
    {
        providerCostUsd = null;
        var usage = reported is null
            ? TokenUsage.None
            : new TokenUsage(reported.InputTokenCount ?? 0, reported.OutputTokenCount ?? 0, reported.CachedInputTokenCount ?? 0, reported.ReasoningTokenCount ?? 0);
        if (raw is not { ValueKind: JsonValueKind.Object } u)
        {
            return usage;
        }

        if (Long(u, "input_tokens") is { } anthropicInput)
        {
            var read = Long(u, "cache_read_input_tokens") ?? 0;
            var write = Long(u, "cache_creation_input_tokens") ?? 0;
            usage = usage with
            {
                InputTokens = anthropicInput + read + write,
                CachedInputTokens = read,
                OutputTokens = Long(u, "output_tokens") ?? usage.OutputTokens,
            };
        }

        if (Long(u, "prompt_cache_hit_tokens") is { } hit)
        {
            usage = usage with { CachedInputTokens = hit };
        }

        if (usage.ReasoningTokens == 0 && u.TryGetProperty("completion_tokens_details", out var details)
            && details.ValueKind == JsonValueKind.Object && Long(details, "reasoning_tokens") is { } reasoning)
        {
            usage = usage with { ReasoningTokens = reasoning };
        }

        if (u.TryGetProperty("cost_in_usd_ticks", out var ticks) && ticks.ValueKind == JsonValueKind.Number && ticks.TryGetDecimal(out var t) && t >= 0)
        {
            providerCostUsd = t / TicksPerUsd;
        }

        return usage;
    }

    private static long? Long(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n >= 0 ? n : null;
}
