using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.MembershipService;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Tests.Support;

/// <summary>
/// Drives the clustering SQL through Orleans' own ADO.NET membership table: the table version guards every insert
/// and update, stale versions are refused, rows read back as written, dead silos are cleaned up.
/// </summary>
public static class MembershipTableContract
{
    public static async Task VerifyAsync(StorageSettings storage)
    {
        await OrleansSchema.ApplyAsync(storage, TestContext.Current.CancellationToken);
        await using var services = new ServiceCollection().BuildServiceProvider();
        var table = new AdoNetClusteringTable(
            services,
            Options.Create(new ClusterOptions { ClusterId = "contract", ServiceId = "contract" }),
            Options.Create(new AdoNetClusteringSiloOptions { Invariant = storage.AdoNetInvariant, ConnectionString = storage.ConnectionString }),
            NullLogger<AdoNetClusteringTable>.Instance);

        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, TestContext.Current.CancellationToken);
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true, TestContext.Current.CancellationToken);
        var empty = await table.ReadAllAsync(TestContext.Current.CancellationToken);
        empty.Members.ShouldBeEmpty();
        empty.Version.Version.ShouldBe(0);

        var now = DateTime.UtcNow;
        var silo = Entry(11111, now, SiloStatus.Joining);
        (await table.InsertRowAsync(silo, empty.Version.Next(), TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await table.InsertRowAsync(Entry(11112, now, SiloStatus.Joining), empty.Version.Next(), TestContext.Current.CancellationToken)).ShouldBeFalse("a stale table version must be refused");

        var afterInsert = await table.ReadAllAsync(TestContext.Current.CancellationToken);
        afterInsert.Version.Version.ShouldBe(1);
        (await table.InsertRowAsync(silo, afterInsert.Version.Next(), TestContext.Current.CancellationToken))
            .ShouldBeFalse("the same silo cannot be inserted twice (and the refused insert leaves the version alone)");
        var (stored, etag) = afterInsert.Members.ShouldHaveSingleItem();
        stored.SiloAddress.ShouldBe(silo.SiloAddress);
        stored.SiloName.ShouldBe("silo-11111");
        stored.Status.ShouldBe(SiloStatus.Joining);
        stored.ProxyPort.ShouldBe(30000);

        silo.Status = SiloStatus.Active;
        silo.SuspectTimes = [Tuple.Create(SiloAddress.New(IPAddress.Loopback, 22222, 7), now)];
        (await table.UpdateRowAsync(silo, etag, afterInsert.Version.Next(), TestContext.Current.CancellationToken)).ShouldBeTrue();
        (await table.UpdateRowAsync(silo, etag, afterInsert.Version.Next(), TestContext.Current.CancellationToken)).ShouldBeFalse("a stale table version must be refused");

        silo.IAmAliveTime = now.AddSeconds(30);
        await table.UpdateIAmAliveAsync(silo, TestContext.Current.CancellationToken);
        var row = await table.ReadRowAsync(silo.SiloAddress, TestContext.Current.CancellationToken);
        row.Version.Version.ShouldBe(2);
        var (active, activeEtag) = row.Members.ShouldHaveSingleItem();
        active.Status.ShouldBe(SiloStatus.Active);
        active.SuspectTimes.ShouldHaveSingleItem().Item1.Endpoint.Port.ShouldBe(22222);
        active.IAmAliveTime.ShouldBe(now.AddSeconds(30), TimeSpan.FromMilliseconds(1));

        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(5), TestContext.Current.CancellationToken);
        (await table.ReadAllAsync(TestContext.Current.CancellationToken)).Members.Count.ShouldBe(1, "an active silo is never cleaned up");

        silo.Status = SiloStatus.Dead;
        (await table.UpdateRowAsync(silo, activeEtag, row.Version.Next(), TestContext.Current.CancellationToken)).ShouldBeTrue();
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddMinutes(5), TestContext.Current.CancellationToken);
        (await table.ReadAllAsync(TestContext.Current.CancellationToken)).Members.ShouldBeEmpty();
    }

    private static MembershipEntry Entry(int port, DateTime now, SiloStatus status) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Loopback, port, 1),
        SiloName = $"silo-{port}",
        HostName = "test-host",
        Status = status,
        ProxyPort = 30000,
        StartTime = now,
        IAmAliveTime = now,
    };
}
