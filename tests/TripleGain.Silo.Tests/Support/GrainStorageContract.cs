using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using TripleGain.Grains;
using TripleGain.Grains.Heartbeat;

namespace TripleGain.Silo.Tests.Support;

/// <summary>
/// Drives the storage registered as <see cref="StorageNames.Grains"/> through Orleans' own provider, the way grains
/// do, to check what the SQL scripts promise: versions (ETags) grow by one, a stale or missing version is refused with
/// <see cref="InconsistentStateException"/>, clear keeps the row and bumps the version, state names are separate.
/// </summary>
public static class GrainStorageContract
{
    public static async Task VerifyAsync(IServiceProvider services)
    {
        var storage = services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var grainId = GrainId.Create("heartbeat", $"contract-{Guid.NewGuid():N}");

        var first = new GrainState<HeartbeatState>();
        await storage.ReadStateAsync("heartbeat", grainId, first);
        first.RecordExists.ShouldBeFalse();
        first.ETag.ShouldBeNull();

        first.State = new HeartbeatState { Beats = 1 };
        await storage.WriteStateAsync("heartbeat", grainId, first);
        first.ETag.ShouldBe("1");
        first.RecordExists.ShouldBeTrue();

        first.State = new HeartbeatState { Beats = 2 };
        await storage.WriteStateAsync("heartbeat", grainId, first);
        first.ETag.ShouldBe("2");

        var stale = new GrainState<HeartbeatState>(new HeartbeatState { Beats = 99 }, "1");
        await Should.ThrowAsync<InconsistentStateException>(() => storage.WriteStateAsync("heartbeat", grainId, stale));
        var unaware = new GrainState<HeartbeatState>(new HeartbeatState { Beats = 98 });
        await Should.ThrowAsync<InconsistentStateException>(() => storage.WriteStateAsync("heartbeat", grainId, unaware));

        var read = new GrainState<HeartbeatState>();
        await storage.ReadStateAsync("heartbeat", grainId, read);
        read.RecordExists.ShouldBeTrue();
        read.ETag.ShouldBe("2");
        read.State.ShouldNotBeNull().Beats.ShouldBe(2);

        var other = new GrainState<HeartbeatState>();
        await storage.ReadStateAsync("another-state", grainId, other);
        other.RecordExists.ShouldBeFalse();

        await storage.ClearStateAsync("heartbeat", grainId, read);
        read.ETag.ShouldBe("3");
        read.RecordExists.ShouldBeFalse();

        var cleared = new GrainState<HeartbeatState>();
        await storage.ReadStateAsync("heartbeat", grainId, cleared);
        cleared.RecordExists.ShouldBeFalse();
        cleared.ETag.ShouldBe("3");

        cleared.State = new HeartbeatState { Beats = 3 };
        await storage.WriteStateAsync("heartbeat", grainId, cleared);
        cleared.ETag.ShouldBe("4");
    }
}
