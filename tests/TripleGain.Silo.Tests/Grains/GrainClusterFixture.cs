using Orleans.TestingHost;
using TripleGain.Grains;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Grains;

/// <summary>
/// One in-process Orleans test cluster for the grain tests: the silo's grain services with memory storage registered
/// under <see cref="StorageNames.Grains"/> and in-memory reminders. Tests use distinct grain keys.
/// </summary>
public sealed class GrainClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<CoreSerializationClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

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
