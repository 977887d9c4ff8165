using TripleGain.Core.Market;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>Cycles, equity snapshots, daily performance, stage transitions and emergency stops, on each provider.</summary>
public abstract class AccountJournalTests(IJournalDatabases databases) : JournalTestBase(databases)
{
    [Fact]
    public async Task BeginCycleAsync_SameIdTwice_SecondReturnsFalse()
    {
        var journal = await NewJournalAsync();

        var first = await journal.BeginCycleAsync("cycle-7", "paper:baseline", Samples.T0, Cancel);
        var second = await journal.BeginCycleAsync("cycle-7", "paper:baseline", Samples.T0.AddSeconds(1), Cancel);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        (await journal.GetCycleAsync("cycle-7", Cancel)).ShouldBe(
            new CycleRecord("cycle-7", "paper:baseline", Samples.T0, null, CycleStatus.Running, null));
    }

    [Fact]
    public async Task BeginCycleAsync_SameIdForAnotherAccount_ThrowsConflict()
    {
        var journal = await NewJournalAsync();
        await journal.BeginCycleAsync("cycle-7", "paper:baseline", Samples.T0, Cancel);

        var error = await Should.ThrowAsync<JournalConflictException>(() => journal.BeginCycleAsync("cycle-7", "live", Samples.T0, Cancel));

        error.Message.ShouldContain("'paper:baseline'");
    }

    [Fact]
    public async Task FinishCycleAsync_RunningCycle_RecordsTheOutcomeAndLeavesTheRunningList()
    {
        var journal = await NewJournalAsync();
        await journal.BeginCycleAsync("c1", "acc", Samples.T0, Cancel);
        await journal.BeginCycleAsync("c2", "acc", Samples.T0.AddMinutes(1), Cancel);
        await journal.BeginCycleAsync("c3", "other", Samples.T0, Cancel);

        await journal.FinishCycleAsync("c1", CycleStatus.Failed, "model timeout: claude", Samples.T0.AddSeconds(30), Cancel);
        await journal.FinishCycleAsync("c1", CycleStatus.Failed, "model timeout: claude", Samples.T0.AddSeconds(31), Cancel);

        (await journal.GetCycleAsync("c1", Cancel)).ShouldBe(
            new CycleRecord("c1", "acc", Samples.T0, Samples.T0.AddSeconds(30), CycleStatus.Failed, "model timeout: claude"));
        (await journal.RunningCyclesAsync("acc", Cancel)).Select(c => c.CycleId).ShouldBe(["c2"]);
    }

    [Fact]
    public async Task FinishCycleAsync_FinishedDifferently_ThrowsConflict()
    {
        var journal = await NewJournalAsync();
        await journal.BeginCycleAsync("c1", "acc", Samples.T0, Cancel);
        await journal.FinishCycleAsync("c1", CycleStatus.Succeeded, null, Samples.T0.AddSeconds(1), Cancel);

        await Should.ThrowAsync<JournalConflictException>(() => journal.FinishCycleAsync("c1", CycleStatus.Failed, "x", Samples.T0.AddSeconds(2), Cancel));
        await Should.ThrowAsync<KeyNotFoundException>(() => journal.FinishCycleAsync("c9", CycleStatus.Failed, "x", Samples.T0, Cancel));
        (await Should.ThrowAsync<ArgumentException>(() => journal.FinishCycleAsync("c1", CycleStatus.Running, null, Samples.T0, Cancel)))
            .Message.ShouldContain("Succeeded or Failed");
    }

    [Fact]
    public async Task RecordEquitySnapshotAsync_Snapshots_ComeBackAsAnExactCurveInTimeOrder()
    {
        var journal = await NewJournalAsync();
        var balances = new Dictionary<Asset, decimal> { [Asset.XRP] = 1234.567890m, [Asset.USDT] = 1000.50m, [Asset.BTC] = 0.00000001m };
        var snapshots = Enumerable.Range(0, 5)
            .Select(i => new EquitySnapshotRecord("paper:claude", Samples.T0.AddMinutes(5 - i), 10_000.10m + i, balances, 0.0125m * i))
            .ToList();
        foreach (var snapshot in snapshots)
        {
            (await journal.RecordEquitySnapshotAsync(snapshot, Cancel)).ShouldBeTrue();
        }

        await journal.RecordEquitySnapshotAsync(new EquitySnapshotRecord("other", Samples.T0, 1m, balances, 0m), Cancel);

        var curve = await journal.EquityCurveAsync("paper:claude", cancellationToken: Cancel);
        curve.Select(s => s.TakenAt).ShouldBe(snapshots.Select(s => s.TakenAt).Order());
        curve[0].Equity.ShouldBe(10_004.10m);
        curve[0].Drawdown.ShouldBe(0.0500m);
        curve[0].Balances.ShouldBe(balances, ignoreOrder: true);
        curve[0].Balances[Asset.XRP].ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1234.567890");
        (await journal.EquityCurveAsync("paper:claude", Samples.T0.AddMinutes(2), Samples.T0.AddMinutes(4), Cancel))
            .Select(s => s.TakenAt).ShouldBe([Samples.T0.AddMinutes(2), Samples.T0.AddMinutes(3)]);
    }

    [Fact]
    public async Task RecordEquitySnapshotAsync_SameAccountAndTime_SecondReturnsFalseAndKeepsTheFirst()
    {
        var journal = await NewJournalAsync();
        var balances = new Dictionary<Asset, decimal> { [Asset.USDT] = 10m };
        await journal.RecordEquitySnapshotAsync(new EquitySnapshotRecord("a", Samples.T0, 10m, balances, 0m), Cancel);

        var second = await journal.RecordEquitySnapshotAsync(new EquitySnapshotRecord("a", Samples.T0, 11m, balances, 0m), Cancel);

        second.ShouldBeFalse();
        (await journal.EquityCurveAsync("a", cancellationToken: Cancel)).Single().Equity.ShouldBe(10m);
    }

    [Fact]
    public async Task UpsertDailyPerformanceAsync_SameModelAccountAndDay_ReplacesTheRow()
    {
        var journal = await NewJournalAsync();
        var day = new DateOnly(2025, 3, 4);
        var morning = new DailyPerformanceRecord("claude", "paper:claude", day, 0.125, 10_012.50m, 2, 1, 1, 812.5, 1430.25, 2, 0, 5_000, 400, 0.0123m);
        var evening = morning with { ReturnPct = -0.3333333333333333, Equity = 9_966.6667m, Trades = 5, Wins = 2, Losses = 3, ParseFailures = 1, CostUsd = 0.04567m };

        await journal.UpsertDailyPerformanceAsync(morning, Cancel);
        await journal.UpsertDailyPerformanceAsync(evening, Cancel);
        await journal.UpsertDailyPerformanceAsync(evening with { Day = day.AddDays(1) }, Cancel);
        await journal.UpsertDailyPerformanceAsync(evening with { ModelId = "baseline", AccountId = "paper:baseline" }, Cancel);

        (await journal.DailyPerformanceAsync("claude", cancellationToken: Cancel)).ShouldBe([evening, evening with { Day = day.AddDays(1) }]);
        (await journal.DailyPerformanceAsync(fromDay: day, toDay: day, cancellationToken: Cancel)).ShouldBe(
            [evening with { ModelId = "baseline", AccountId = "paper:baseline" }, evening]);
        (await journal.DailyPerformanceAsync(accountId: "paper:baseline", cancellationToken: Cancel)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task UpsertDailyPerformanceAsync_NegativeCount_ThrowsNamingTheField()
    {
        var journal = await NewJournalAsync();
        var bad = new DailyPerformanceRecord("m", "a", new DateOnly(2025, 1, 1), 0, 1m, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0m);

        (await Should.ThrowAsync<ArgumentException>(() => journal.UpsertDailyPerformanceAsync(bad, Cancel)))
            .Message.ShouldContain("DailyPerformanceRecord.Trades must not be negative (got -1)");
    }

    [Fact]
    public async Task RecordStageTransitionAsync_Transitions_ComeBackInOrder()
    {
        var journal = await NewJournalAsync();
        var first = new StageTransitionRecord("live", null, "paper", 1, "account opened", "system", Samples.T0);
        var second = new StageTransitionRecord("live", "paper", "micro-live", 3, "two weeks of paper profit; approved by alice", "alice", Samples.T0.AddDays(14));

        await journal.RecordStageTransitionAsync(second, Cancel);
        await journal.RecordStageTransitionAsync(first, Cancel);
        await journal.RecordStageTransitionAsync(first with { AccountId = "other" }, Cancel);

        (await journal.StageTransitionsAsync("live", Cancel)).ShouldBe([first, second]);
        (await Should.ThrowAsync<ArgumentException>(() => journal.RecordStageTransitionAsync(first with { Phase = 5 }, Cancel)))
            .Message.ShouldContain("StageTransitionRecord.Phase must be between 1 and 4 (got 5)");
    }

    [Fact]
    public async Task RecordEmergencyStopAsync_StopThenResume_ComeBackInOrder()
    {
        var journal = await NewJournalAsync();
        var stop = new EmergencyStopRecord("live", EmergencyStopState.Stopped, "alice", Samples.T0, "exchange outage");
        var resume = new EmergencyStopRecord("live", EmergencyStopState.Resumed, "bob", Samples.T0.AddHours(2), "exchange back; positions checked");

        await journal.RecordEmergencyStopAsync(stop, Cancel);
        await journal.RecordEmergencyStopAsync(resume, Cancel);

        (await journal.EmergencyStopsAsync("live", Cancel)).ShouldBe([stop, resume]);
        (await journal.EmergencyStopsAsync("paper", Cancel)).ShouldBeEmpty();
        (await Should.ThrowAsync<ArgumentException>(() => journal.RecordEmergencyStopAsync(stop with { Reason = "" }, Cancel)))
            .Message.ShouldContain("EmergencyStopRecord.Reason must not be empty");
    }
}
