using Microsoft.Extensions.DependencyInjection;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>The real host: its registered live-update service subscribes inside the silo and is pushed the cycle's changes.</summary>
[Collection(SiloHostCollection.Name)]
public sealed class HostLiveUpdatesTests : IDisposable
{
    private readonly TempDirectory data = new();

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Host_CycleRunsOnItsOwn_LiveUpdatesIsPushedItsStartAndCompletion()
    {
        await using var silo = await RunningSilo.StartAsync(RunningSilo.Arguments(data.Path), TestContext.Current.CancellationToken);
        var live = silo.App.Services.GetRequiredService<ILiveUpdates>().ShouldBeOfType<LiveUpdates>();
        var changes = RecordingObserver.Follow(live);

        var completed = await changes.WaitForAsync(c => c.Kind == OperatorChangeKind.CycleCompleted, "a completed cycle", TimeSpan.FromSeconds(60));

        completed.Subject.ShouldStartWith("paper-");
        (await silo.Grains.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key).SubscribersAsync()).ShouldBe(1);
        live.Version.ShouldBeGreaterThanOrEqualTo(1);
    }
}
