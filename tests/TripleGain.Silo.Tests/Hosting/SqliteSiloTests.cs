using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using TripleGain.Grains.Heartbeat;
using TripleGain.Silo.Storage;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Hosting;

/// <summary>The real host in its embedded mode: a SQLite file in a temporary data folder.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class SqliteSiloTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Restart_SqliteFile_KeepsGrainStateAndReminder()
    {
        await SiloScenarios.RestartKeepsStateAndReminderAsync(RunningSilo.Arguments(data.Path), "sqlite-restart");

        File.Exists(Path.Combine(data.Path, StorageSettings.SqliteFileName)).ShouldBeTrue();
    }

    [Fact]
    public async Task BeatAsync_SqliteStorage_StoresStateAsSystemTextJson()
    {
        await using (var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken))
        {
            await silo.Grains.GetGrain<IHeartbeatGrain>("json-payload").BeatAsync();
        }

        await using var connection = new SqliteConnection(StorageSettings.ForSqlite(data.Path).ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT PayloadBinary FROM OrleansStorage WHERE GrainTypeString = 'heartbeat' AND GrainIdExtensionString = 'json-payload'";
        var payload = Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken)).ShouldNotBeNull());

        payload.ShouldStartWith("{\"Beats\":1,");
        payload.ShouldNotContain("$type");
        payload.ShouldNotContain("TripleGain.Grains");
    }

    [Fact]
    public async Task GrainStorage_Sqlite_FollowsOrleansVersionContract()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken);

        await GrainStorageContract.VerifyAsync(silo.App.Services);
    }

    [Fact]
    public async Task Health_Anonymous_Returns200WithSiloStorageAndCycle()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken);

        var health = await SiloScenarios.GetHealthAsync(silo);

        health.GetProperty("status").GetString().ShouldBe("Healthy");
        var checks = health.GetProperty("checks");
        checks.GetProperty("silo").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("silo").GetProperty("data").GetProperty("address").GetString().ShouldBe(silo.SiloAddress);
        checks.GetProperty("storage").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("storage").GetProperty("data").GetProperty("orleansQueries").GetInt32().ShouldBe(19);
        checks.GetProperty("cycle").GetProperty("status").GetString().ShouldBe("Healthy");
        checks.GetProperty("cycle").GetProperty("description").GetString().ShouldBe("not started");
    }

    [Fact]
    public async Task HomePage_GetAnonymous_RedirectsToSignIn()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = silo.Address };

        using var response = await http.GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location.ShouldNotBeNull().ToString().ShouldEndWith("/signin?returnUrl=%2F");
    }

    [Fact]
    public async Task Start_Sqlite_RegistersClusterHeartbeatReminder()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken);

        var status = await silo.Grains.GetGrain<IHeartbeatGrain>(IHeartbeatGrain.ClusterKey).GetStatusAsync();

        status.ReminderRegistered.ShouldBeTrue();
        status.State.Period.ShouldBe(IHeartbeatGrain.MinimumPeriod);
    }
}
