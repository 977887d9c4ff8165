using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Grains;
using TripleGain.Grains.Models;
using TripleGain.Journal;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>
/// A test cluster with the trading grains and their real services: the simulated market feed, a fake market clock
/// (tests move time), the rule-based models plus a slow and a broken one (and "provider-down", registered but not active), and a real SQLite decision journal in a temp
/// file. Memory grain storage and reminders under the silo's names. Tests use distinct cycle keys. models.auto_switch_enabled
/// is on and the model switch reads <see cref="Candidates"/> (scripted by tests).
/// </summary>
public sealed class TradingClusterFixture : IAsyncLifetime
{
    public static readonly DateTime SimulationStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A decision time (a multiple of five minutes) 45 days into the simulation, 30 s after the minute closed.</summary>
    public static readonly DateTimeOffset Start = new(2025, 2, 15, 12, 0, 30, TimeSpan.Zero);

    private static FakeTimeProvider? s_clock;
    private static SqlDecisionJournal? s_journal;
    private string _directory = string.Empty;

    public TestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Clock => s_clock!;

    public IDecisionJournal Journal => s_journal!;

    public static TradingConfig Config { get; } = TradingConfig.PaperDefault with
    {
        Models = TradingConfig.PaperDefault.Models with
        {
            ActiveModels = ["baseline", "buy-and-hold", "slow", "broken"],
            DecisionTimeout = TimeSpan.FromSeconds(1),
            AutoSwitchEnabled = true,
        },
    };

    /// <summary>The model switch's candidates (empty unless a test scripts them; comparison mode never switches).</summary>
    public static ScriptedCandidates Candidates { get; } = new();

    public async ValueTask InitializeAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"tg-trading-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory);
        var database = JournalDatabase.ForSqliteFile(Path.Combine(_directory, "journal.db"));
        await new JournalMigrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        s_journal = new SqlDecisionJournal(database);
        s_clock = new FakeTimeProvider(Start);

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
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // a SQLite handle may linger in the pool; the temp folder is harmless
        }
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.AddMemoryGrainStorage(StorageNames.Grains);
            siloBuilder.UseInMemoryReminderService();
            siloBuilder.AddTripleGainGrainServices();
            var services = siloBuilder.Services;
            services.AddSingleton(Config);
            services.AddSingleton(new MarketClock(s_clock!));
            services.AddSingleton<IMarketFeed>(new SimulatedMarketFeed(new SimulatedMarketOptions { Start = SimulationStart }, TimeSpan.FromDays(50)));
            services.AddSingleton(TrackerSettings.Default);
            services.AddSingleton<IModelRegistry>(new ModelRegistry([new BaselineModel(), new BuyAndHoldModel(), new SlowModel(), new BrokenModel(), new ProviderDownModel()]));
            services.AddSingleton<IDecisionJournal>(s_journal!);
            services.AddSingleton<IModelCandidateSource>(Candidates);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class TradingClusterCollection : ICollectionFixture<TradingClusterFixture>
{
    public const string Name = "Trading cluster";
}
