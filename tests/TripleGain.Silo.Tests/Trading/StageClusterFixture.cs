using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.TestingHost;
using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.Grains;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Models;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;
using TripleGain.Silo.Hosting;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>
/// A test cluster for the stage, emergency stop and approval grains inside the cycle: scripted models (one per test, so
/// each test trades its own "paper:&lt;model&gt;" account), accounts holding 1,000 USDT only (equity moves only with
/// their own trades), a fake market clock and a real SQLite journal. Memory grain storage (serialized with the silo's
/// System.Text.Json storage serializer, so a deactivated grain reloads what was persisted).
/// </summary>
public sealed class StageClusterFixture : IAsyncLifetime
{
    public static readonly DateTime SimulationStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A decision time ten days into the simulation, 30 s after the minute closed.</summary>
    public static readonly DateTimeOffset Start = new(2025, 1, 11, 12, 0, 30, TimeSpan.Zero);

    public static readonly IReadOnlyList<string> ModelIds =
    [
        "paper-direct", "stopped", "global", "queued", "approve-once", "approve-expired", "approve-moved", "reject", "cycle-expires",
        "week-two", "rollback-daily", "stopped-mid-cycle", "approve-halted", "memory", "live-approve", "live-tick", "approve-pending",
    ];

    private static readonly Dictionary<string, StageScriptedModel> s_models = ModelIds.ToDictionary(id => id, id => new StageScriptedModel(id));
    private static FakeTimeProvider? s_clock;
    private static SqlDecisionJournal? s_journal;
    private string _directory = string.Empty;

    public TestCluster Cluster { get; private set; } = null!;

    public FakeTimeProvider Clock => s_clock!;

    public IDecisionJournal Journal => s_journal!;

    public ICycleGrain Cycle => Cluster.GrainFactory.GetGrain<ICycleGrain>(CycleKeys.Paper);

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    public static TradingConfig Config { get; } = TradingConfig.PaperDefault with
    {
        StartingCapital = new Dictionary<Asset, decimal> { [Asset.USDT] = 1000m },
        Models = TradingConfig.PaperDefault.Models with { ActiveModels = ModelIds, DecisionTimeout = TimeSpan.FromSeconds(5) },
    };

    public StageScriptedModel Model(string id) => s_models[id];

    public IStageGrain Stage(string accountId) => Cluster.GrainFactory.GetGrain<IStageGrain>(accountId);

    public IPortfolioGrain Portfolio(string accountId) => Cluster.GrainFactory.GetGrain<IPortfolioGrain>(accountId);

    /// <summary>Moves the market clock to <paramref name="seconds"/> after the next five-minute boundary (a decision time) and returns it.</summary>
    public DateTime NextDecisionTime(int seconds = 30)
    {
        var now = Clock.GetUtcNow();
        var five = TimeSpan.FromMinutes(5).Ticks;
        var next = new DateTimeOffset((now.Ticks / five + 1) * five, TimeSpan.Zero).AddSeconds(seconds);
        Clock.SetUtcNow(next);
        return next.UtcDateTime;
    }

    /// <summary>Promotes an account from paper trading to micro-live $100 (week 1 starts now) through a passing gate.</summary>
    public async Task<StageView> PromoteToMicroLiveAsync(string accountId)
    {
        var result = await Stage(accountId).PromoteAsync("alice", "paper gate passed", StageGates.Passing(PhaseGates.PaperToMicroLive, Now));
        result.Refusal.ShouldBeNull();
        result.View.Status.Position.ShouldBe(StagePosition.MicroLive100);
        return result.View;
    }

    /// <summary>Deactivates a grain (its next call activates it afresh from storage) and waits until it is gone.</summary>
    public async Task DeactivateAsync(IAddressable grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        for (var i = 0; i < 100 && await IsActiveAsync(management, grain); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        (await IsActiveAsync(management, grain)).ShouldBeFalse($"{grain.GetGrainId()} is still active after DeactivateOnIdle");
    }

    public async ValueTask InitializeAsync()
    {
        _directory = Path.Combine(Path.GetTempPath(), $"tg-stages-{Guid.NewGuid():N}");
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

    private static async Task<bool> IsActiveAsync(IManagementGrain management, IAddressable grain) =>
        await management.GetActivationAddress(grain) is not null;

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
            services.AddSingleton<IMarketFeed>(new SimulatedMarketFeed(new SimulatedMarketOptions { Start = SimulationStart }, TimeSpan.FromDays(20)));
            services.AddSingleton(TrackerSettings.Default);
            services.AddSingleton<IModelRegistry>(new ModelRegistry([.. s_models.Values]));
            services.AddSingleton<IDecisionJournal>(s_journal!);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StageClusterCollection : ICollectionFixture<StageClusterFixture>
{
    public const string Name = "Stage cluster";
}
