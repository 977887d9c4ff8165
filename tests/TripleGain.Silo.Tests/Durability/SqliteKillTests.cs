using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>The real silo process on its embedded SQLite files, killed with SIGKILL while it trades.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class SqliteKillTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Kill9_DuringDecisionCycle_RestartKeepsAccountsJournalAndClockAndExecutesNothingTwice()
    {
        await KillScenario.RunAsync(SiloProcess.ArgumentsFor(data.Path, KillScenario.ClockSpeed), TradingStore.ForSqlite(data.Path));
    }

    [Fact]
    public async Task Kill9_AsTheFirstOrdersGoOut_RealTimeRestartRunsTheSameCycleAgainWithoutPlacingAnyOrderTwice()
    {
        await KillScenario.RunSameCycleTwiceAsync(attempt =>
        {
            var directory = Directory.CreateDirectory(Path.Combine(data.Path, $"attempt-{attempt}")).FullName;
            var arguments = SiloProcess.ArgumentsFor(directory, clockSpeed: 1);
            arguments.Add($"--Trading:ConfigFile={DailyCycleConfig(directory)}");
            return (arguments, TradingStore.ForSqlite(directory));
        });
    }

    /// <summary>The paper configuration with day-long cycles that all decide (so a restart stays in the same cycle).</summary>
    internal static string DailyCycleConfig(string directory)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "config", "paper_trading_config.yaml");
        var lines = File.ReadAllLines(source).Select(line => line.TrimStart() switch
        {
            var l when l.StartsWith("interval_seconds:", StringComparison.Ordinal) => "  interval_seconds: 86400",
            var l when l.StartsWith("llm_query_interval_seconds:", StringComparison.Ordinal) => "  llm_query_interval_seconds: 86400",
            _ => line,
        }).ToList();
        lines.Count(l => l.EndsWith(": 86400", StringComparison.Ordinal)).ShouldBe(2, $"{source} no longer has cycle.interval_seconds and cycle.llm_query_interval_seconds");
        var path = Path.Combine(directory, "daily_trading_config.yaml");
        File.WriteAllLines(path, lines);
        return path;
    }
}
