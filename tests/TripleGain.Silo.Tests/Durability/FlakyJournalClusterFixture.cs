using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Grains;
using TripleGain.Grains.Models;
using TripleGain.Journal;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;
using TripleGain.Silo.Tests.Trading;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// A one-silo test cluster whose grains write a real SQLite journal through a <see cref="FlakyJournal"/>, with memory
/// grain storage (which outlives activations, like the database does), to fail the journal between a grain-state write
/// and the journal writes that follow it.
/// </summary>
public sealed class FlakyJournalClusterFixture : IAsyncLifetime
{
    private static IDecisionJournal? s_journal;
    private readonly TempDirectory directory = new();

    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The real journal underneath (reads bypass the failures).</summary>
    public IDecisionJournal Journal { get; private set; } = null!;

    public FlakyJournal Failures { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var database = JournalDatabase.ForSqliteFile(Path.Combine(directory.Path, "journal.db"));
        await new JournalMigrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        Journal = new SqlDecisionJournal(database);
        (s_journal, Failures) = FlakyJournal.Wrap(Journal);

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
        directory.Dispose();
    }

    /// <summary>Deactivates every idle grain: the next call activates it again from its stored state.</summary>
    public Task DeactivateAllAsync() =>
        Cluster.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Grains);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddTripleGainGrainServices();
            var services = siloBuilder.Services;
            services.AddSingleton(TradingConfig.PaperDefault);
            services.AddSingleton(new MarketClock(TimeProvider.System));
            services.AddSingleton<IMarketFeed>(new SimulatedMarketFeed(new SimulatedMarketOptions { Start = TradingClusterFixture.SimulationStart }, TimeSpan.FromDays(2)));
            services.AddSingleton<IModelRegistry>(ModelRegistry.RuleBased());
            services.AddSingleton(s_journal!);
        }
    }
}

/// <summary>
/// The tests on the flaky-journal cluster share one: its silo configurator reads the journal from a static field, so
/// two fixtures deployed at once could hand one cluster's grains the other's journal.
/// </summary>
[CollectionDefinition(Name)]
public sealed class FlakyJournalCollection : ICollectionFixture<FlakyJournalClusterFixture>
{
    public const string Name = "Flaky journal cluster";
}
