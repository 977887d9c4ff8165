using Npgsql;
using TripleGain.Grains.Heartbeat;
using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.Storage;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.PostgreSql;

/// <summary>The real host on a real PostgreSQL: each test gets a fresh database.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class PostgreSqlSiloTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    public static List<string> Arguments(PostgreSqlDatabase database, string dataDirectory, string? connectionString = null)
    {
        var arguments = RunningSilo.Arguments(dataDirectory);
        arguments.Add("--Storage:Provider=PostgreSql");
        arguments.Add($"--ConnectionStrings:TripleGain={connectionString ?? database.ConnectionString}");
        arguments.Add($"--Orleans:ClusterId={database.Name}");
        return arguments;
    }

    [Fact]
    public async Task ApplyAsync_FreshDatabaseTwiceAndConcurrently_HasEveryRequiredQueryOnce()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var storage = StorageSettings.ForPostgreSql(database.ConnectionString, data.Path);

        await OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken);
        await OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken);
        await Task.WhenAll(
            OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken),
            OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken));

        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        (await OrleansSchemaTests.QueryKeysAsync(connection)).ShouldBe(OrleansSchemaTests.RequiredQueryKeys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AdoNetClusteringTable_PostgreSqlScripts_FollowMembershipContract()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await MembershipTableContract.VerifyAsync(StorageSettings.ForPostgreSql(database.ConnectionString, data.Path));
    }

    [Fact]
    public async Task Restart_PostgreSql_KeepsGrainStateAndReminder()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);

        await SiloScenarios.RestartKeepsStateAndReminderAsync(Arguments(database, data.Path), "postgres-restart");
    }

    [Fact]
    public async Task GrainStorage_PostgreSql_FollowsOrleansVersionContract()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        await using var silo = await RunningSilo.StartAsync(Arguments(database, data.Path), TestContext.Current.CancellationToken);

        await GrainStorageContract.VerifyAsync(silo.App.Services);
    }

    [Fact]
    public async Task Health_PostgreSql_Returns200AndNeverLogsThePassword()
    {
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var password = $"pw-must-not-leak-{Guid.NewGuid():N}";
        var withPassword = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Password = password }.ConnectionString;
        await using var silo = await RunningSilo.StartAsync(
            Arguments(database, data.Path, withPassword), TestContext.Current.CancellationToken);
        await silo.Grains.GetGrain<IHeartbeatGrain>("postgres-health").BeatAsync();

        var health = await SiloScenarios.GetHealthAsync(silo);

        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var storage = health.GetProperty("checks").GetProperty("storage");
        storage.GetProperty("description").GetString().ShouldBe($"PostgreSql 127.0.0.1:{new NpgsqlConnectionStringBuilder(database.ConnectionString).Port}/{database.Name} as postgres");
        storage.GetProperty("data").GetProperty("orleansQueries").GetInt32().ShouldBe(19);
        health.ToString().ShouldNotContain(password);
        silo.Logs.Lines.ShouldNotBeEmpty();
        silo.Logs.Lines.ShouldAllBe(line => !line.Contains(password));
    }
}
