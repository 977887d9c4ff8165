using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Durability;
using TripleGain.Silo.Tests.PostgreSql;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>Two real silo hosts on one PostgreSQL database: the feed grain lives on one, and both silos' UIs are pushed each change.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class PostgreSqlLiveUpdatesTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Publish_TwoHostsOnPostgreSql_BothSilosLiveUpdatesRaiseChanged()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(cancellation);
        var startA = RunningSilo.StartAsync(PostgreSqlSiloTests.Arguments(database, Path.Combine(data.Path, "a")), cancellation);
        var startB = RunningSilo.StartAsync(PostgreSqlSiloTests.Arguments(database, Path.Combine(data.Path, "b")), cancellation);
        await Task.WhenAll(startA, startB);
        await using var siloA = await startA;
        await using var siloB = await startB;
        var recorders = new[] { siloA, siloB }
            .Select(s => RecordingObserver.Follow(s.App.Services.GetRequiredService<ILiveUpdates>()))
            .ToList();
        await Waiting.UntilAsync(() => Task.FromResult(Active(siloA) == 2 && Active(siloB) == 2), TimeSpan.FromSeconds(60), () => "the two silos did not form one cluster");

        // Published from silo A until both have it: a subscription made while the cluster formed may need its renewal.
        await Waiting.UntilAsync(() =>
        {
            siloA.Grains.Publish(OperatorChangeKind.EmergencyStop, "pg-two-silos");
            return Task.FromResult(recorders.All(r => r.Seen.Any(c => c?.Subject == "pg-two-silos")));
        }, TimeSpan.FromSeconds(75), () => $"not every silo was notified: {string.Join(" / ", recorders.Select(r => r.Seen.Count))}", TimeSpan.FromSeconds(1));

        (await siloB.Grains.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key).SubscribersAsync()).ShouldBe(2);
    }

    private static int Active(RunningSilo silo) =>
        silo.Membership.CurrentSnapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);
}
