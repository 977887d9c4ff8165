using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using TripleGain.Core.Configuration;
using TripleGain.Grains;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Services;
using TripleGain.Silo.Tests.Durability;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>
/// Two silos, each with its own <see cref="LiveUpdates"/> on its own grain factory: the one feed grain lives on one of
/// them and notifies both; when that silo stops, the survivor's renewal re-creates the subscription on a new activation.
/// </summary>
public sealed class TwoSiloFeedTests
{
    private static readonly LiveUpdatesSettings NoPolling = new(TimeSpan.FromSeconds(30), TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

    [Fact]
    public async Task Publish_TwoSilos_BothNotifiedAndAfterTheFeedsSiloStopsTheSurvivorIsNotifiedAgain()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<CoreSerializationClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync(TestContext.Current.CancellationToken);
        var lives = new List<LiveUpdates>();
        try
        {
            var silos = cluster.Silos.Cast<InProcessSiloHandle>().ToList();
            silos.Count.ShouldBe(2);
            var recorders = new List<RecordingObserver>();
            foreach (var silo in silos)
            {
                var live = new LiveUpdates(Grains(silo), TradingConfig.PaperDefault, [], NoPolling, NullLogger<LiveUpdates>.Instance);
                lives.Add(live);
                recorders.Add(RecordingObserver.Follow(live));
                await live.SubscribeAsync();
            }

            Grains(silos[0]).Publish(OperatorChangeKind.CycleCompleted, "paper-1");
            await recorders[0].WaitForAsync(OperatorChangeKind.CycleCompleted, "paper-1");
            await recorders[1].WaitForAsync(OperatorChangeKind.CycleCompleted, "paper-1");

            var feed = cluster.Client.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key);
            var host = await cluster.Client.GetGrain<IManagementGrain>(0).GetActivationAddress(feed, TestContext.Current.CancellationToken);
            var hosting = silos.Single(s => s.SiloAddress.Equals(host));
            var survivor = silos.IndexOf(silos.Single(s => s != hosting));
            await cluster.StopSiloAsync(hosting, TestContext.Current.CancellationToken);

            // what the survivor's loop does every 30 s (and after a failure every retry period): renew, which re-activates the feed
            var grains = Grains(silos[survivor]);
            await Waiting.UntilAsync(async () =>
            {
                try
                {
                    await lives[survivor].SubscribeAsync();
                    grains.Publish(OperatorChangeKind.CycleCompleted, "paper-2");
                    return recorders[survivor].Seen.Any(c => c?.Subject == "paper-2");
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    return false;
                }
            }, TimeSpan.FromSeconds(30), () => "the surviving silo was not notified after the feed's silo stopped", TimeSpan.FromMilliseconds(500));

            (await feed.SubscribersAsync()).ShouldBe(1);
        }
        finally
        {
            foreach (var live in lives)
            {
                live.Dispose();
            }

            await cluster.StopAllSilosAsync(TestContext.Current.CancellationToken);
            await cluster.DisposeAsync();
        }
    }

    private static IGrainFactory Grains(InProcessSiloHandle silo) => silo.SiloHost.Services.GetRequiredService<IGrainFactory>();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Grains);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddTripleGainGrainServices();
        }
    }
}
