using System.Text.Json;
using Microsoft.Extensions.AI;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Costs;

public sealed class CostTests
{
    private static JsonElement RecordedUsage(string provider, string path)
    {
        var node = FakeProviderServer.Reference(provider);
        foreach (var part in path.Split('/'))
        {
            node = int.TryParse(part, out var i) ? node[i]! : node[part]!;
        }

        return JsonDocument.Parse(node["usage"]!.ToJsonString()).RootElement.Clone();
    }

    [Fact]
    public void Combine_RecordedDeepSeekUsage_TakesCacheHitTokensAndReasoning()
    {
        var raw = RecordedUsage("deepseek", "non_streaming/response/body");

        var usage = ProviderUsage.Combine(new UsageDetails { InputTokenCount = 12, OutputTokenCount = 789 }, raw, out var providerCost);

        usage.ShouldBe(new TokenUsage(12, 789, 0, 415));
        providerCost.ShouldBeNull();
    }

    [Fact]
    public void Combine_AnthropicCacheReadsAndWrites_AreAddedToInputAndReadsCountAsCached()
    {
        var raw = JsonDocument.Parse("""{"input_tokens":20,"cache_read_input_tokens":1000,"cache_creation_input_tokens":50,"output_tokens":10}""").RootElement;

        var usage = ProviderUsage.Combine(new UsageDetails { InputTokenCount = 20, OutputTokenCount = 10 }, raw, out _);

        usage.ShouldBe(new TokenUsage(1070, 10, 1000, 0));
    }

    [Fact]
    public void Combine_RecordedXaiUsage_ReportsProviderCostFromTicks()
    {
        var raw = RecordedUsage("xai", "non_streaming/response/body");

        ProviderUsage.Combine(null, raw, out var providerCost);

        providerCost.ShouldBe(0.0001399m);
    }

    [Fact]
    public void Combine_NoRawUsage_KeepsReportedNumbers()
    {
        ProviderUsage.Combine(new UsageDetails { InputTokenCount = 34, OutputTokenCount = 12 }, null, out _).ShouldBe(new TokenUsage(34, 12));
        ProviderUsage.Combine(null, null, out _).ShouldBe(TokenUsage.None);
    }

    [Fact]
    public void CostUsd_CachedTokensAtCachedPriceElseInputPrice()
    {
        var prices = new LlmProviderOptions { InputPricePerMillion = 3m, OutputPricePerMillion = 15m, CachedInputPricePerMillion = 0.3m };
        var usage = new TokenUsage(1_000_000, 100_000, 400_000);

        usage.CostUsd(prices).ShouldBe(0.6m * 3m + 0.4m * 0.3m + 0.1m * 15m);
        usage.CostUsd(new LlmProviderOptions { InputPricePerMillion = 3m, OutputPricePerMillion = 15m }).ShouldBe(3m + 1.5m);
    }

    [Fact]
    public void CostLedger_RecordsPerModelPerUtcDay()
    {
        var ledger = new CostLedger();
        var day = new DateTime(2025, 3, 14, 23, 59, 0, DateTimeKind.Utc);

        ledger.Record("a", day, 0.5m, new TokenUsage(100, 10));
        ledger.Record("a", day.AddMinutes(-30), 0.25m, new TokenUsage(50, 5));
        ledger.Record("a", day.AddMinutes(2), 1m, new TokenUsage(1, 1));
        ledger.Record("b", day, 7m, new TokenUsage(1, 1));

        ledger.Day("a", day).ShouldBe(new DailyCost("a", new DateOnly(2025, 3, 14), 0.75m, 2, 150, 15));
        ledger.SpentOn("a", day.AddMinutes(2)).ShouldBe(1m);
        ledger.SpentOn("c", day).ShouldBe(0m);
    }

    [Fact]
    public void CostLedger_NegativeCost_IsRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CostLedger().Record("a", DateTime.UtcNow, -1m, TokenUsage.None))
            .Message.ShouldContain("must not be negative");
    }
}
