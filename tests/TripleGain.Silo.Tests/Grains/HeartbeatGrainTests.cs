using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Storage;
using TripleGain.Grains;
using TripleGain.Grains.Heartbeat;

namespace TripleGain.Silo.Tests.Grains;

[Collection(GrainClusterCollection.Name)]
public sealed class HeartbeatGrainTests(GrainClusterFixture fixture)
{
    private IGrainFactory Grains => fixture.Cluster.GrainFactory;

    [Fact]
    public async Task BeatAsync_TwoBeats_CountsThemAndWritesStateToGrainsStorage()
    {
        var before = DateTimeOffset.UtcNow;
        var grain = Grains.GetGrain<IHeartbeatGrain>("beat-twice");

        await grain.BeatAsync();
        var status = await grain.BeatAsync();

        status.State.Beats.ShouldBe(2);
        status.State.Ticks.ShouldBe(0);
        status.State.LastBeatAt.ShouldNotBeNull().ShouldBeGreaterThanOrEqualTo(before);
        status.State.LastSilo.ShouldBe(status.Silo);

        // the state is in the storage registered under StorageNames.Grains, under the state name "heartbeat"
        var storage = fixture.Cluster.Primary.ShouldBeOfType<Orleans.TestingHost.InProcessSiloHandle>()
            .SiloHost.Services.GetRequiredKeyedService<IGrainStorage>(StorageNames.Grains);
        var stored = new GrainState<HeartbeatState>();
        await storage.ReadStateAsync("heartbeat", GrainId.Create("heartbeat", "beat-twice"), stored);
        stored.RecordExists.ShouldBeTrue();
        stored.State.ShouldNotBeNull().Beats.ShouldBe(2);
    }

    [Fact]
    public async Task GetStatusAsync_NewGrain_ReportsEmptyStateAndNoReminder()
    {
        var status = await Grains.GetGrain<IHeartbeatGrain>("never-beaten").GetStatusAsync();

        status.State.ShouldBe(new HeartbeatState());
        status.ReminderRegistered.ShouldBeFalse();
        status.Silo.ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task StartAsync_OneMinute_RegistersReminderAndRecordsPeriod()
    {
        var grain = Grains.GetGrain<IHeartbeatGrain>("started");

        await grain.StartAsync(TimeSpan.FromMinutes(1));
        var status = await grain.GetStatusAsync();

        status.ReminderRegistered.ShouldBeTrue();
        status.State.Period.ShouldBe(TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task StopAsync_AfterStart_UnregistersReminderAndClearsPeriod()
    {
        var grain = Grains.GetGrain<IHeartbeatGrain>("stopped");
        await grain.StartAsync(TimeSpan.FromMinutes(2));

        await grain.StopAsync();
        var status = await grain.GetStatusAsync();

        status.ReminderRegistered.ShouldBeFalse();
        status.State.Period.ShouldBeNull();
    }

    [Fact]
    public async Task StartAsync_PeriodUnderOneMinute_ThrowsAndRegistersNothing()
    {
        var grain = Grains.GetGrain<IHeartbeatGrain>("too-fast");

        var error = await Should.ThrowAsync<ArgumentOutOfRangeException>(() => grain.StartAsync(TimeSpan.FromSeconds(59)));

        error.Message.ShouldContain("at least 00:01:00");
        (await grain.GetStatusAsync()).ReminderRegistered.ShouldBeFalse();
    }

    [Fact]
    public async Task ReceiveReminder_HeartbeatTick_CountsTickAndPersists()
    {
        var grain = Grains.GetGrain<IHeartbeatGrain>("ticked");
        var now = DateTime.UtcNow;

        await grain.AsReference<IRemindable>().ReceiveReminder("heartbeat", new TickStatus(now, TimeSpan.FromMinutes(1), now), TestContext.Current.CancellationToken);
        await grain.AsReference<IRemindable>().ReceiveReminder("someone-else", new TickStatus(now, TimeSpan.FromMinutes(1), now), TestContext.Current.CancellationToken);
        var status = await grain.GetStatusAsync();

        status.State.Ticks.ShouldBe(1);
        status.State.LastTickAt.ShouldNotBeNull();
        status.State.Beats.ShouldBe(0);
    }
}
