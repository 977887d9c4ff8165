using TripleGain.Silo.Tests.PostgreSql;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>The real silo process on a fresh PostgreSQL database (Orleans state, reminders and journal), killed with SIGKILL while it trades.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class PostgreSqlKillTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Kill9_DuringDecisionCycle_RestartKeepsAccountsJournalAndClockAndExecutesNothingTwice()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var arguments = SiloProcess.ArgumentsFor(data.Path, KillScenario.ClockSpeed);
        arguments.Add("--Storage:Provider=PostgreSql");
        arguments.Add($"--ConnectionStrings:TripleGain={database.ConnectionString}");
        arguments.Add($"--Orleans:ClusterId={database.Name}");

        await KillScenario.RunAsync(arguments, TradingStore.ForPostgreSql(database.ConnectionString, data.Path));
    }
}
