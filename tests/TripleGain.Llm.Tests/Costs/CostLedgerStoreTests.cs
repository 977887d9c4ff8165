using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Tests.Fakes;

namespace TripleGain.Llm.Tests.Costs;

/// <summary>The ledger's totals written to and read back from an <see cref="ICostStore"/>, so a restart keeps the budget.</summary>
public sealed class CostLedgerStoreTests
{
    private static readonly DateTime Noon = new(2025, 3, 14, 12, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordAsync_WithStore_WritesTheDaysRunningTotals()
    {
        var store = new MemoryCostStore();
        var ledger = new CostLedger(store);

        await ledger.RecordAsync("gpt-4o", Noon, 0.25m, new TokenUsage(1000, 100), Cancel);
        await ledger.RecordAsync("gpt-4o", Noon.AddHours(1), 0.5m, new TokenUsage(2000, 200), Cancel);

        store.Saved.Last().ShouldBe(new DailyCost("gpt-4o", new DateOnly(2025, 3, 14), 0.75m, 2, 3000, 300));
        store.Saved.Count.ShouldBe(2);
        ledger.IsPersistent.ShouldBeTrue();
    }

    [Fact]
    public async Task RestoreAsync_AfterRestart_BudgetKeepsTodaysSpend()
    {
        var store = new MemoryCostStore();
        await new CostLedger(store).RecordAsync("gpt-4o", Noon, 4.5m, new TokenUsage(1000, 100), Cancel);
        await new CostLedger(store).RecordAsync("gpt-4o", Noon.AddDays(-1), 9m, new TokenUsage(1, 1), Cancel);

        var restarted = new CostLedger(store);
        var restored = await restarted.RestoreAsync(Noon.AddHours(3), Cancel);

        restored.Single().CostUsd.ShouldBe(4.5m);
        restarted.SpentOn("gpt-4o", Noon.AddHours(5)).ShouldBe(4.5m);
        restarted.SpentOn("gpt-4o", Noon.AddDays(-1)).ShouldBe(0m);
        (await restarted.RecordAsync("gpt-4o", Noon.AddHours(4), 0.5m, new TokenUsage(10, 1), Cancel)).ShouldBe(
            new DailyCost("gpt-4o", new DateOnly(2025, 3, 14), 5m, 2, 1010, 101));
    }

    [Fact]
    public void Restore_TwiceOrFewerCalls_NeverCountsACallTwice()
    {
        var ledger = new CostLedger();
        var day = new DateOnly(2025, 3, 14);

        ledger.Restore(new DailyCost("grok-3", day, 1m, 2, 10, 10)).ShouldBeTrue();
        ledger.Restore(new DailyCost("grok-3", day, 1m, 2, 10, 10)).ShouldBeFalse();
        ledger.Record("grok-3", Noon, 0.5m, new TokenUsage(1, 1));
        ledger.Restore(new DailyCost("grok-3", day, 1m, 2, 10, 10)).ShouldBeFalse();

        ledger.Day("grok-3", Noon).ShouldBe(new DailyCost("grok-3", day, 1.5m, 3, 11, 11));
    }

    [Fact]
    public void Restore_NegativeTotals_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CostLedger().Restore(new DailyCost("grok-3", new DateOnly(2025, 3, 14), -1m, 1, 0, 0)));
    }

    [Fact]
    public async Task RecordAsync_StoreFails_CostStaysCountedAndTheFailureIsLogged()
    {
        using var logs = new CapturedLogs();
        var ledger = new CostLedger(new MemoryCostStore { Fail = true }, logs.Factory.CreateLogger<CostLedger>());

        var totals = await ledger.RecordAsync("gpt-4o", Noon, 0.25m, new TokenUsage(1, 1), Cancel);

        totals.CostUsd.ShouldBe(0.25m);
        ledger.SpentOn("gpt-4o", Noon).ShouldBe(0.25m);
        logs.Text.ShouldContain("gpt-4o: the day's LLM spend could not be stored (IOException: disk full)");
    }

    [Fact]
    public async Task DailyBudget_SpendRestoredFromStore_HoldsWithoutCalling()
    {
        await using var server = await FakeProviderServer.StartAsync();
        var store = new MemoryCostStore();
        var options = TestModels.OpenAI(server);
        options.DailyBudgetUsd = 1m;
        var today = DateTime.UtcNow;
        await new CostLedger(store).RecordAsync(options.Id, today, 1m, new TokenUsage(1, 1), Cancel);
        var ledger = new CostLedger(store);
        await ledger.RestoreAsync(today, Cancel);
        using var catalog = TestModels.Catalog([options], ledger: ledger);

        var result = await catalog.Models.Single().RunDetailedAsync(TestContexts.Create(), Cancel);

        result.Outcome.ShouldBe(LlmRunOutcome.BudgetExhausted);
        server.ChatRequests.ShouldBeEmpty();
    }

    private sealed class MemoryCostStore : ICostStore
    {
        private readonly ConcurrentDictionary<(string, DateOnly), DailyCost> _rows = new();

        public List<DailyCost> Saved { get; } = [];

        public bool Fail { get; init; }

        public Task<IReadOnlyList<DailyCost>> LoadDayAsync(DateOnly day, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<DailyCost>>(_rows.Values.Where(r => r.Day == day).ToList());

        public Task SaveAsync(DailyCost totals, DateTime updatedAtUtc, CancellationToken cancellationToken = default)
        {
            if (Fail)
            {
                throw new IOException("disk full");
            }

            Saved.Add(totals);
            _rows.AddOrUpdate((totals.ModelId, totals.Day), totals, (_, old) => totals.Calls > old.Calls ? totals : old);
            return Task.CompletedTask;
        }
    }
}
