using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// The restart test of issue 3, shared by SQLite and PostgreSQL: the real silo process trades on a 60x market clock
/// (a cycle per real second, decisions every five), is killed with SIGKILL right after a decision cycle started, is
/// started again on the same data and is killed again once it has traded on; what it left is checked after each kill.
/// </summary>
internal static class KillScenario
{
    public const double ClockSpeed = 60;

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Decision cycles are the cycles whose number is a multiple of this (decision interval / cycle interval).</summary>
    public static long DecisionEvery { get; } =
        DurabilityChecks.PaperConfig.Cycle.DecisionInterval.Ticks / DurabilityChecks.PaperConfig.Cycle.Interval.Ticks;

    public static async Task RunAsync(IReadOnlyList<string> arguments, TradingStore store)
    {
        var log = TestContext.Current.TestOutputHelper;
        StoreSnapshot before;
        DateTimeOffset killedAt;
        string killedDuring;
        await using (var first = SiloProcess.Start(arguments, "first run"))
        {
            await first.WaitUntilHealthyAsync(StartTimeout);
            log?.WriteLine($"first run healthy after {(DateTimeOffset.UtcNow - first.StartedAt).TotalSeconds:0.0} s");
            await Waiting.UntilAsync(async () => await store.CountsAsync() is { Orders: >= 2, Fills: >= 1 }, StartTimeout,
                () => $"the journal has no orders and fills yet ({store.CountsAsync().Result}):\n{first.OutputTail(30)}");

            killedDuring = await KillDuringDecisionCycleAsync(first, store);
            killedAt = first.KilledAt.ShouldNotBeNull();
        }

        before = await store.ReadAsync();
        log?.WriteLine($"killed {killedDuring}; left {before.Describe()}");
        CheckConsistent(before);
        before.Anchor.ShouldNotBeNull().Speed.ShouldBe(ClockSpeed);

        StoreSnapshot after;
        DateTimeOffset restartedAt;
        await using (var second = SiloProcess.Start(arguments, "second run"))
        {
            restartedAt = second.StartedAt;
            await second.WaitUntilHealthyAsync(StartTimeout);
            var healthy = DateTimeOffset.UtcNow - second.StartedAt;
            var lastBefore = before.LastCycleNumber;
            var resumed = await Waiting.UntilAsync(async () =>
                {
                    var cycles = (await store.ReadAsync()).Succeeded.Where(c => c.Number > lastBefore).ToList();
                    return cycles.Count >= 3 && cycles.Any(c => c.Number % DecisionEvery == 0) ? cycles : null;
                },
                StartTimeout,
                () => $"no three cycles (one a decision cycle) after cycle {lastBefore}:\n{second.OutputTail(30)}",
                TimeSpan.FromMilliseconds(500));
            log?.WriteLine($"second run healthy after {healthy.TotalSeconds:0.0} s; {resumed.Count} new cycles by {(DateTimeOffset.UtcNow - second.StartedAt).TotalSeconds:0.0} s");
            second.Kill();
        }

        after = await store.ReadAsync();
        log?.WriteLine($"second kill left {after.Describe()}");
        CheckConsistent(after);
        DurabilityChecks.KeepsEverythingOf(after, before);

        // The market clock went on from where it was: the first cycle after the restart is at least the real downtime
        // (times the clock speed) after the last one before the kill, never back where the real clock is.
        var lastMarketTime = before.Cycles.Max(c => c.StartedAt);
        var firstAfter = after.Cycles.Where(c => c.Number > before.LastCycleNumber).Min(c => c.StartedAt);
        var downtime = restartedAt - killedAt;
        firstAfter.ShouldBeGreaterThanOrEqualTo(before.Anchor.MarketTimeAt(restartedAt).UtcDateTime, "the restarted silo's market clock does not follow the stored anchor");
        (firstAfter - lastMarketTime).ShouldBeGreaterThanOrEqualTo(downtime * ClockSpeed,
            $"market time after the restart ({firstAfter:O}) must continue from the kill ({lastMarketTime:O}) plus {downtime.TotalSeconds:0.0} s x {ClockSpeed}");
        log?.WriteLine($"checked {after.Orders.Count} orders, {after.Fills.Count} fills, {after.DecisionKeys.Count} decisions; " +
            $"market time {lastMarketTime:HH:mm:ss} at the kill, {firstAfter:HH:mm:ss} at the first cycle after {downtime.TotalSeconds:0.0} s down");
    }

    /// <summary>
    /// The same cycle run twice: at real-time speed with hour-long cycles (so the cycle id cannot change during the
    /// restart), the silo is killed the moment its first cycle's orders reach the journal, and started again at once.
    /// At start-up the reminder ticks within a second, so the interrupted cycle runs again with the same id: every order
    /// it had placed must be found (executed cycle ids, the exchange's client order ids), none placed again.
    /// The kill races the end of the cycle (milliseconds after its orders are journalled): when it lands after the cycle
    /// completed there is nothing to run again, so that attempt proves nothing and the scenario starts over on fresh data
    /// (<paramref name="attempt"/> gives each attempt's arguments and store); it fails only if no attempt lands in time.
    /// </summary>
    public static async Task RunSameCycleTwiceAsync(Func<int, (IReadOnlyList<string> Arguments, TradingStore Store)> attempt, int attempts = 4)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var log = TestContext.Current.TestOutputHelper;
        for (var number = 1; number <= attempts; number++)
        {
            var (arguments, store) = attempt(number);
            StoreSnapshot before;
            await using (var first = SiloProcess.Start(arguments, $"first run, attempt {number}"))
            {
                await first.WaitUntilHealthyAsync(StartTimeout);
                await Waiting.UntilAsync(async () => (await store.CountsAsync()).Orders > 0, StartTimeout,
                    () => $"no order reached the journal:\n{first.OutputTail(30)}", TimeSpan.FromMilliseconds(2));
                first.Kill();
            }

            before = await store.ReadAsync();
            log?.WriteLine($"attempt {number}: killed as the first orders were journalled; left {before.Describe()}; cycle state {before.Cycle}");
            CheckConsistent(before);
            var interrupted = before.Cycles.ShouldHaveSingleItem();
            if (interrupted.Status != "running")
            {
                interrupted.Status.ShouldBe("succeeded");
                log?.WriteLine($"attempt {number}: the kill came after the cycle completed (nothing is left to run again); starting over");
                continue;
            }

            await RunInterruptedCycleAgainAsync(arguments, store, before, interrupted);
            return;
        }

        throw new ShouldAssertException($"in {attempts} attempts the kill never came before the first cycle completed: nothing was left to run again");
    }

    private static async Task RunInterruptedCycleAgainAsync(IReadOnlyList<string> arguments, TradingStore store, StoreSnapshot before, JournalCycle interrupted)
    {
        var log = TestContext.Current.TestOutputHelper;
        await using (var second = SiloProcess.Start(arguments, "second run"))
        {
            await second.WaitUntilHealthyAsync(StartTimeout);
            await Waiting.UntilAsync(async () => (await store.ReadAsync()).Succeeded.Any(), StartTimeout,
                () => $"the interrupted cycle {interrupted.CycleId} did not run again:\n{second.OutputTail(30)}", TimeSpan.FromMilliseconds(250));
            second.Kill();
        }

        var after = await store.ReadAsync();
        log?.WriteLine($"second kill left {after.Describe()}");
        CheckConsistent(after);
        DurabilityChecks.KeepsEverythingOf(after, before);
        after.Cycles.ShouldHaveSingleItem().ShouldBe(interrupted with { Status = "succeeded" }, "the interrupted cycle ran again under its own id");
        var placedBefore = before.Portfolios.Values.Sum(p => p.Exchange!.Orders.Count);
        log?.WriteLine($"the accounts had placed {placedBefore} orders at the kill ({before.Orders.Count} journalled), " +
            $"{after.Portfolios.Values.Sum(p => p.Exchange!.Orders.Count)} after the cycle ran again ({after.Orders.Count} journalled)");
    }

    /// <summary>Everything that must hold of the data of a killed silo.</summary>
    public static void CheckConsistent(StoreSnapshot store)
    {
        store.Portfolios.Keys.Order().ShouldBe(["paper:baseline", "paper:buy-and-hold"]);
        DurabilityChecks.NoOrderExecutedTwice(store);
        DurabilityChecks.JournalMatchesAccounts(store);
        DurabilityChecks.AccountsEqualTheirFills(store);
        DurabilityChecks.EquitySnapshotsMatchTheFills(store);
        store.Equity.Values.Sum(e => e.Count).ShouldBeGreaterThan(0, "no equity snapshot reached the journal");
    }

    /// <summary>
    /// Kills the silo right after a decision cycle started (a journal cycle still running, whose number is a decision
    /// cycle's); after 15 s without one, during any running cycle; says which. Cycles already running in the journal
    /// when it starts were interrupted by an earlier kill (they stay "running") and are not aimed at.
    /// </summary>
    public static async Task<string> KillDuringDecisionCycleAsync(SiloProcess silo, TradingStore store)
    {
        var stale = (await store.RunningCyclesAsync()).Select(c => c.Number).ToHashSet();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(15);
        while (DateTimeOffset.UtcNow < deadline + TimeSpan.FromSeconds(10))
        {
            var running = await store.RunningCyclesAsync();
            var target = running.FirstOrDefault(c => c.Number % DecisionEvery == 0 && !stale.Contains(c.Number))
                ?? (DateTimeOffset.UtcNow > deadline ? running.FirstOrDefault(c => !stale.Contains(c.Number)) : null);
            if (target is not null)
            {
                silo.Kill();
                return $"during cycle {target.CycleId} ({(target.Number % DecisionEvery == 0 ? "a decision cycle" : "not a decision cycle")})";
            }

            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        silo.Kill();
        return "between cycles (no running cycle seen in 25 s)";
    }
}
