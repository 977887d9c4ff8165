using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Grains;
using TripleGain.Journal;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Hosting;

public static class TradingConfigurationExtensions
{
    public const string ConfigFileKey = "Trading:ConfigFile";
    public const string DefaultConfigFile = "config/paper_trading_config.yaml";
    public const string SeedKey = "Market:Seed";
    public const string ClockSpeedKey = "Market:ClockSpeed";
    public const string SimulationStartKey = "Market:SimulationStart";
    public const string ClockStartKey = "Market:ClockStart";

    /// <summary>
    /// Loads and validates the trading configuration (<c>Trading:ConfigFile</c>, default config/paper_trading_config.yaml:
    /// trading.pairs, constraints.*, models.*, cycle.*, monitoring.*, safety.*) and the market settings
    /// (<c>Market:Seed</c>, <c>Market:ClockSpeed</c> — market seconds per real second, <c>Market:SimulationStart</c>,
    /// <c>Market:ClockStart</c> — where a first start's market time begins, see <see cref="ReadClockStart"/>),
    /// and registers the trading services: the simulated market feed, the market clock (anchored in the storage database,
    /// see <see cref="MarketClockStore"/>), the decision journal (SQLite file journal.db in the data folder, or the
    /// PostgreSQL database) and its migration at start-up, and the models
    /// (<see cref="ModelHostingExtensions.AddTradingModels"/>: the benchmarks and the LLMs of <c>Llm:Models</c>).
    /// A bad value throws <see cref="SiloConfigurationException"/>: the silo stops with that one line.
    /// </summary>
    public static WebApplicationBuilder AddTradingConfiguration(this WebApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var configuration = builder.Configuration;
        var trading = LoadTradingConfig(configuration);
        var seed = ReadLong(configuration, SeedKey, 42);
        var speed = ReadDouble(configuration, ClockSpeedKey, 1, 1, 10_000);
        var simulationStart = ReadDate(configuration, SimulationStartKey, SimulatedMarketOptions.DefaultStart);

        var clockStart = ReadClockStart(configuration, simulationStart, TimeProvider.System.GetUtcNow().UtcDateTime);

        var services = builder.Services;
        services.AddSingleton(trading);
        // The market clock's anchor is persisted in the storage database and loaded at start-up (MarketClockLoader):
        // market time continues across restarts and every silo of a cluster reads the same one.
        var marketTime = new AnchoredMarketTime(TimeProvider.System, speed, clockStart);
        services.AddSingleton(marketTime);
        services.AddSingleton(new MarketClock(marketTime, speed));
        services.AddHostedService<MarketClockLoader>();
        services.AddSingleton<IMarketFeed>(new SimulatedMarketFeed(new SimulatedMarketOptions { Seed = seed, Start = simulationStart }));
        services.AddSingleton(TrackerSettings.Default);
        var journalDatabase = settings.Storage.Provider == StorageProvider.PostgreSql
            ? JournalDatabase.ForPostgreSql(settings.Storage.ConnectionString)
            : JournalDatabase.ForSqliteFile(Path.Combine(settings.Storage.DataDirectory, "journal.db"));
        services.AddSingleton(journalDatabase);
        services.AddSingleton<IDecisionJournal>(new SqlDecisionJournal(journalDatabase));
        services.AddHostedService<JournalMigration>();
        builder.AddTradingModels(journalDatabase);
        return builder;
    }

    private static TradingConfig LoadTradingConfig(IConfiguration configuration)
    {
        var file = configuration[ConfigFileKey];
        var path = string.IsNullOrWhiteSpace(file) ? Path.Combine(AppContext.BaseDirectory, DefaultConfigFile) : Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new SiloConfigurationException(ConfigFileKey, file ?? DefaultConfigFile, "file not found");
        }

        try
        {
            return TradingConfigYaml.Load(path);
        }
        catch (TradingConfigException ex)
        {
            throw new SiloConfigurationException($"Configuration error: {ex.Message}");
        }
    }

    private static long ReadLong(IConfiguration configuration, string key, long fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SiloConfigurationException(key, text, "must be a whole number");
    }

    /// <summary>
    /// Checks <c>Market:SimulationStart</c> against the real time and reads <c>Market:ClockStart</c>: the market time a
    /// service's first start begins at (to replay a chosen period of the simulated market), null for the real time.
    /// It must lie after the simulation's start and not in the future; it applies to a first start only, since the
    /// market clock's anchor is stored and market time never jumps.
    /// </summary>
    public static DateTime? ReadClockStart(IConfiguration configuration, DateTime simulationStart, DateTime realNow)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (realNow < simulationStart)
        {
            throw new SiloConfigurationException(SimulationStartKey, simulationStart.ToString("O", CultureInfo.InvariantCulture), "must lie in the past");
        }

        var text = configuration[ClockStartKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var start = ReadDate(configuration, ClockStartKey, simulationStart);
        if (start <= simulationStart)
        {
            throw new SiloConfigurationException(ClockStartKey, text,
                $"must lie after Market:SimulationStart ({simulationStart.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)}): the market needs history before it");
        }

        return start > realNow
            ? throw new SiloConfigurationException(ClockStartKey, text, "must not lie in the future")
            : start;
    }

    private static double ReadDouble(IConfiguration configuration, string key, double fallback, double min, double max)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new SiloConfigurationException(key, text, $"must be a number between {min} and {max}");
    }

    private static DateTime ReadDate(IConfiguration configuration, string key, DateTime fallback)
    {
        var text = configuration[key];
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value)
            ? Timeframe.M1.Floor(DateTime.SpecifyKind(value, DateTimeKind.Utc))
            : throw new SiloConfigurationException(key, text, "must be an ISO-8601 UTC date, e.g. 2025-01-01");
    }
}
