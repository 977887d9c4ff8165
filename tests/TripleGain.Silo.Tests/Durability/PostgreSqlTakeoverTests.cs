using System.Text.Json;
using TripleGain.Silo.Tests.PostgreSql;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// Two real silo processes form one cluster on one PostgreSQL database and trade on a 60x market clock (its anchor is
/// in the database, so both agree on market time). The silo that runs the cycle is killed with SIGKILL during a
/// decision cycle; the other declares it dead (fast probes: Orleans:ProbeTimeoutSeconds=1, MissedProbesLimit=2) and
/// takes the cycle over, without executing any order twice.
/// </summary>
[Collection(SiloHostCollection.Name)]
public sealed class PostgreSqlTakeoverTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task TwoSilos_CycleHostKilled_OtherSiloTakesTheCycleOverAndExecutesNothingTwice()
    {
        var log = TestContext.Current.TestOutputHelper;
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var store = TradingStore.ForPostgreSql(database.ConnectionString, data.Path);
        await using var siloA = SiloProcess.Start(Arguments(database, Path.Combine(data.Path, "a")), "silo A");
        await using var siloB = SiloProcess.Start(Arguments(database, Path.Combine(data.Path, "b")), "silo B");
        await Task.WhenAll(siloA.WaitUntilHealthyAsync(Timeout), siloB.WaitUntilHealthyAsync(Timeout));
        await Waiting.UntilAsync(async () => ActiveSilos(await siloA.HealthAsync()) == 2 && ActiveSilos(await siloB.HealthAsync()) == 2,
            Timeout, () => "the two silos do not see each other as active");
        log?.WriteLine($"cluster of two up after {(DateTimeOffset.UtcNow - siloA.StartedAt).TotalSeconds:0.0} s");

        await Waiting.UntilAsync(async () => await store.CountsAsync() is { Orders: >= 2, Fills: >= 1 }, Timeout,
            () => $"the cluster does not trade:\n{siloA.OutputTail(20)}\n{siloB.OutputTail(20)}");
        var host = await Waiting.UntilAsync(async () =>
                CycleRuns(await siloA.HealthAsync()) ? siloA : CycleRuns(await siloB.HealthAsync()) ? siloB : null,
            Timeout, () => "neither silo reports the cycle running");
        var survivor = ReferenceEquals(host, siloA) ? siloB : siloA;
        CycleRuns(await survivor.HealthAsync()).ShouldBeFalse("both silos run the cycle");

        var killedDuring = await KillScenario.KillDuringDecisionCycleAsync(host, store);
        var killedAt = host.KilledAt.ShouldNotBeNull();
        var before = await store.ReadAsync();
        log?.WriteLine($"killed {host.Name}, the cycle's host, {killedDuring}; left {before.Describe()}");
        KillScenario.CheckConsistent(before);

        var lastBefore = before.LastCycleNumber;
        var firstNew = await Waiting.UntilAsync(async () => (await store.ReadAsync()).Succeeded.Any(c => c.Number > lastBefore) ? new object() : null,
            Timeout, () => $"{survivor.Name} did not take the cycle over:\n{survivor.OutputTail(30)}", TimeSpan.FromMilliseconds(250));
        var takeover = DateTimeOffset.UtcNow - killedAt;
        await Waiting.UntilAsync(async () =>
            {
                var cycles = (await store.ReadAsync()).Succeeded.Where(c => c.Number > lastBefore).ToList();
                return cycles.Count >= 3 && cycles.Any(c => c.Number % KillScenario.DecisionEvery == 0);
            },
            Timeout, () => $"{survivor.Name} took the cycle over but does not run on:\n{survivor.OutputTail(30)}", TimeSpan.FromMilliseconds(500));
        await Waiting.UntilAsync(async () => CycleRuns(await survivor.HealthAsync()), Timeout, () => $"{survivor.Name}'s /health does not report the cycle");
        log?.WriteLine($"{survivor.Name} ran the first cycle {takeover.TotalSeconds:0.0} s after the kill");
        foreach (var line in survivor.Output.Where(l => l.Contains("Cycle 'paper'", StringComparison.Ordinal)).Take(10))
        {
            log?.WriteLine($"  {survivor.Name}: {line}");
        }

        survivor.Kill();

        var after = await store.ReadAsync();
        log?.WriteLine($"{survivor.Name} killed too; left {after.Describe()}");
        KillScenario.CheckConsistent(after);
        DurabilityChecks.KeepsEverythingOf(after, before);
        var newCycles = after.Cycles.Where(c => c.Number > lastBefore).ToList();
        newCycles.Min(c => c.StartedAt).ShouldBeGreaterThanOrEqualTo(before.Cycles.Max(c => c.StartedAt), "market time went back on the other silo");
    }

    private static List<string> Arguments(PostgreSqlDatabase database, string dataDirectory)
    {
        var arguments = SiloProcess.ArgumentsFor(dataDirectory, KillScenario.ClockSpeed);
        arguments.Add("--Storage:Provider=PostgreSql");
        arguments.Add($"--ConnectionStrings:TripleGain={database.ConnectionString}");
        arguments.Add($"--Orleans:ClusterId={database.Name}");
        arguments.Add("--Orleans:ProbeTimeoutSeconds=0.5");
        arguments.Add("--Orleans:MissedProbesLimit=2");
        return arguments;
    }

    private static int ActiveSilos(JsonElement? health) =>
        health is { } h && h.GetProperty("checks").GetProperty("silo").GetProperty("data").TryGetProperty("activeSilos", out var active) ? active.GetInt32() : 0;

    private static bool CycleRuns(JsonElement? health) =>
        health is { } h && h.GetProperty("checks").GetProperty("cycle").GetProperty("data").GetProperty("state").GetString() == "Running";
}
