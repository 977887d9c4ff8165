using TripleGain.Core.Agents;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>The LLM answer cache and the daily LLM spend (migration 0002), run on each provider.</summary>
public abstract class LlmStoreTests(IJournalDatabases databases) : JournalTestBase(databases)
{
    private static readonly string Hash = new('a', 64);

    private static CachedModelAnswer Answer(string model = "claude-sonnet-4-5", string hash = "", string providerModel = "claude-sonnet-4-5", string raw = "{\"decisions\":[]}") =>
        new(model, hash.Length == 0 ? Hash : hash, Samples.T0.AddMinutes(-1), providerModel, "trading/decision@1", "b1" + new string('0', 62),
            raw + " ünïcödé ✓", 1234, 56, 0.000123456789012345m, 812.5, Samples.T0);

    [Fact]
    public async Task StoreAsync_NewAnswer_FindAsyncReturnsItExactly()
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());

        await cache.StoreAsync(Answer(), Cancel);

        (await cache.FindAsync("claude-sonnet-4-5", Hash, Cancel)).ShouldBe(Answer());
        (await cache.FindAsync("gpt-4o", Hash, Cancel)).ShouldBeNull();
        (await cache.FindAsync("claude-sonnet-4-5", new string('b', 64), Cancel)).ShouldBeNull();
        (await cache.CountAsync(cancellationToken: Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task CountAsync_DecisionTimes_CountsTheModelsAnswersInTheHalfOpenRange()
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());
        var t = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 4; i++)
        {
            await cache.StoreAsync(Answer(hash: new string((char)('a' + i), 64)) with { DecisionTime = t.AddMinutes(5 * i) }, Cancel);
        }

        await cache.StoreAsync(Answer(model: "gpt-4o") with { DecisionTime = t }, Cancel);

        (await cache.CountAsync("claude-sonnet-4-5", t, t.AddMinutes(15), Cancel)).ShouldBe(3);
        (await cache.CountAsync("claude-sonnet-4-5", t.AddMinutes(5), t.AddHours(1), Cancel)).ShouldBe(3);
        (await cache.CountAsync("gpt-4o", t, t.AddHours(1), Cancel)).ShouldBe(1);
        (await cache.CountAsync("grok-3", t, t.AddHours(1), Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task StoreAsync_SameKeyAndProviderModel_KeepsTheFirstAnswer()
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());
        await cache.StoreAsync(Answer(raw: "first"), Cancel);

        await cache.StoreAsync(Answer(raw: "second"), Cancel);

        (await cache.FindAsync("claude-sonnet-4-5", Hash, Cancel)).ShouldNotBeNull().RawOutput.ShouldStartWith("first");
    }

    [Fact]
    public async Task StoreAsync_OtherProviderModel_ReplacesTheAnswer()
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());
        await cache.StoreAsync(Answer(raw: "first"), Cancel);

        await cache.StoreAsync(Answer(providerModel: "claude-opus-4-1", raw: "second"), Cancel);

        var found = (await cache.FindAsync("claude-sonnet-4-5", Hash, Cancel)).ShouldNotBeNull();
        found.ProviderModel.ShouldBe("claude-opus-4-1");
        found.RawOutput.ShouldStartWith("second");
        (await cache.CountAsync("claude-sonnet-4-5", Cancel)).ShouldBe(1);
    }

    [Theory]
    [InlineData("ABCDEF")]
    [InlineData("sha256:aaaa")]
    [InlineData("")]
    public async Task StoreAsync_HashNotLowerHexSha256_ThrowsAndStoresNothing(string hash)
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());

        var error = await Should.ThrowAsync<ArgumentException>(() => cache.StoreAsync(Answer() with { PromptHash = hash }, Cancel));

        error.Message.ShouldContain("PromptHash");
        error.Message.ShouldContain("SHA-256");
        (await cache.CountAsync(cancellationToken: Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task StoreAsync_NegativeCostOrLocalTime_Throws()
    {
        var cache = new SqlDecisionCache(await Databases.CreateMigratedAsync());

        (await Should.ThrowAsync<ArgumentException>(() => cache.StoreAsync(Answer() with { CostUsd = -1m }, Cancel))).Message.ShouldContain("CostUsd");
        (await Should.ThrowAsync<ArgumentException>(() => cache.StoreAsync(Answer() with { CreatedAt = DateTime.Now }, Cancel))).Message.ShouldContain("CreatedAt");
        (await cache.CountAsync(cancellationToken: Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordAsync_RunningTotals_DayAsyncReturnsTheLatest()
    {
        var spend = new SqlLlmSpend(await Databases.CreateMigratedAsync());
        var day = DateOnly.FromDateTime(Samples.T0);

        (await spend.RecordAsync(new LlmSpendRecord("gpt-4o", day, 0.01m, 1, 1000, 100, Samples.T0), Cancel)).ShouldBeTrue();
        (await spend.RecordAsync(new LlmSpendRecord("gpt-4o", day, 0.0250m, 2, 2100, 230, Samples.T0.AddMinutes(5)), Cancel)).ShouldBeTrue();
        (await spend.RecordAsync(new LlmSpendRecord("claude-sonnet-4-5", day, 0.5m, 1, 10, 1, Samples.T0), Cancel)).ShouldBeTrue();
        (await spend.RecordAsync(new LlmSpendRecord("gpt-4o", day.AddDays(1), 9m, 1, 1, 1, Samples.T0.AddDays(1)), Cancel)).ShouldBeTrue();

        (await spend.DayAsync(day, Cancel)).ShouldBe(
        [
            new LlmSpendRecord("claude-sonnet-4-5", day, 0.5m, 1, 10, 1, Samples.T0),
            new LlmSpendRecord("gpt-4o", day, 0.0250m, 2, 2100, 230, Samples.T0.AddMinutes(5)),
        ]);
    }

    [Fact]
    public async Task RecordAsync_OlderTotalArrivingLate_IsKeptOut()
    {
        var spend = new SqlLlmSpend(await Databases.CreateMigratedAsync());
        var day = DateOnly.FromDateTime(Samples.T0);
        await spend.RecordAsync(new LlmSpendRecord("gpt-4o", day, 0.03m, 3, 3000, 300, Samples.T0), Cancel);

        (await spend.RecordAsync(new LlmSpendRecord("gpt-4o", day, 0.02m, 2, 2000, 200, Samples.T0), Cancel)).ShouldBeFalse();

        (await spend.DayAsync(day, Cancel)).Single().CostUsd.ShouldBe(0.03m);
    }

    [Fact]
    public async Task RecordAsync_NegativeCalls_ThrowsNamingTheField()
    {
        var spend = new SqlLlmSpend(await Databases.CreateMigratedAsync());

        var error = await Should.ThrowAsync<ArgumentException>(() =>
            spend.RecordAsync(new LlmSpendRecord("gpt-4o", new DateOnly(2025, 3, 4), 0m, -1, 0, 0, Samples.T0), Cancel));

        error.Message.ShouldContain("LlmSpendRecord.Calls");
        (await spend.DayAsync(new DateOnly(2025, 3, 4), Cancel)).ShouldBeEmpty();
    }
}
