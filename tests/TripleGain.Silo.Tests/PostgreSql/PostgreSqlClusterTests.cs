using System.Diagnostics;
using Orleans.Runtime;
using TripleGain.Grains.Heartbeat;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.PostgreSql;

/// <summary>Two silo hosts in this process on one PostgreSQL database form one Orleans cluster.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class PostgreSqlClusterTests : IDisposable
{
    private static readonly TimeSpan MembershipTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan SpreadTimeout = TimeSpan.FromSeconds(30);

    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task TwoSilos_OneStops_GrainsAnswerFromTheOtherWithTheirState()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await using var database = await PostgreSqlServer.CreateDatabaseAsync(cancellation);
        var startA = RunningSilo.StartAsync(PostgreSqlSiloTests.Arguments(database, Path.Combine(data.Path, "a")), cancellation);
        var startB = RunningSilo.StartAsync(PostgreSqlSiloTests.Arguments(database, Path.Combine(data.Path, "b")), cancellation);
        await Task.WhenAll(startA, startB);
        await using var siloA = await startA;
        await using var siloB = await startB;

        await WaitForAsync(siloA, s => Active(s) == 2);
        await WaitForAsync(siloB, s => Active(s) == 2);

        // Activate grains from both silos until some live on each. The default (resource-optimized) placement only
        // chooses among silos whose load statistics it has received, and those are published about once a second, so
        // right after start every placement may go to one silo: keep adding keys, with a pause, up to a time bound.
        var keys = new List<string>();
        var first = new List<HeartbeatStatus>();
        var spreading = Stopwatch.StartNew();
        for (var batch = 0; first.Select(status => status.Silo).Distinct().Count() < 2 && spreading.Elapsed < SpreadTimeout; batch++)
        {
            if (batch > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
            }

            var batchKeys = Enumerable.Range(batch * 8, 8).Select(i => $"cluster-test-{i}").ToList();
            keys.AddRange(batchKeys);
            first.AddRange(await Task.WhenAll(batchKeys.Select((key, i) =>
                (i % 2 == 0 ? siloA : siloB).Grains.GetGrain<IHeartbeatGrain>(key).BeatAsync())));
        }

        first.ShouldAllBe(status => status.State.Beats == 1);
        first.Select(status => status.Silo).Distinct().Order().ShouldBe(new[] { siloA.SiloAddress, siloB.SiloAddress }.Order());

        await siloB.StopAsync();
        await WaitForAsync(siloA, s => Active(s) == 1 && s.Members.Values.Any(m => m.SiloAddress.ToString() == siloB.SiloAddress && m.Status == SiloStatus.Dead));

        var second = await Task.WhenAll(keys.Select(key => siloA.Grains.GetGrain<IHeartbeatGrain>(key).BeatAsync()));
        second.ShouldAllBe(status => status.State.Beats == 2 && status.Silo == siloA.SiloAddress);
        (await siloA.Grains.GetGrain<IHeartbeatGrain>(IHeartbeatGrain.ClusterKey).GetStatusAsync()).ReminderRegistered.ShouldBeTrue();
    }

    private static int Active(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Values.Count(member => member.Status == SiloStatus.Active);

    private static async Task WaitForAsync(RunningSilo silo, Func<ClusterMembershipSnapshot, bool> condition)
    {
        if (condition(silo.Membership.CurrentSnapshot))
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(MembershipTimeout);
        try
        {
            await foreach (var snapshot in silo.Membership.MembershipUpdates.WithCancellation(timeout.Token))
            {
                if (condition(snapshot))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"The membership seen by {silo.SiloAddress} did not reach the expected state within {MembershipTimeout}: " +
                string.Join(", ", silo.Membership.CurrentSnapshot.Members.Values.Select(m => $"{m.SiloAddress} {m.Status}")));
        }
    }
}
