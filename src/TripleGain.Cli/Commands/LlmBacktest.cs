using System.Globalization;
using Microsoft.Extensions.Configuration;
using TripleGain.Core.Backtesting;
using TripleGain.Journal;
using TripleGain.Llm;
using TripleGain.Llm.Backtesting;
using TripleGain.Llm.Caching;

namespace TripleGain.Cli.Commands;

/// <summary>
/// The LLM side of the <c>backtest</c> verb: builds the model from the same configuration keys as the silo
/// (<c>Llm:Models:&lt;id&gt;</c> from <c>--llm-config FILE</c> and environment variables such as
/// <c>Llm__Models__claude__BaseUrl</c>; keys from ANTHROPIC_API_KEY etc.), puts it behind the decision cache in the
/// journal database (<c>--journal</c>), prints the estimate of calls and cost and the knowledge-cutoff warning, and
/// refuses to start when the estimate is above <c>--max-cost</c>. Dispose it after the run.
/// </summary>
public sealed class LlmBacktest : IDisposable
{
    /// <summary>The limit when --max-cost is not given.</summary>
    public const decimal DefaultMaxCostUsd = 5m;

    private readonly ModelCatalog _catalog;

    private LlmBacktest(ModelCatalog catalog, CachedDecisionModel model, LlmBacktestEstimate estimate, string journal)
    {
        _catalog = catalog;
        Model = model;
        Estimate = estimate;
        Journal = journal;
    }

    public CachedDecisionModel Model { get; }

    public LlmBacktestEstimate Estimate { get; }

    /// <summary>Where the cache lives ("sqlite:/path/journal.db").</summary>
    public string Journal { get; }

    /// <summary>The journal used when --journal is not given: journal.db in TRIPLEGAIN_DATA_DIR, else ./data (the silo's default).</summary>
    public static string DefaultJournal =>
        Path.Combine(Environment.GetEnvironmentVariable("TRIPLEGAIN_DATA_DIR") is { Length: > 0 } dir ? dir : "data", "journal.db");

    /// <summary>The LLM configuration: the file (when given), then environment variables.</summary>
    public static IConfiguration Configuration(string? llmConfigPath)
    {
        var builder = new ConfigurationBuilder();
        if (llmConfigPath is not null)
        {
            var full = Path.GetFullPath(llmConfigPath);
            if (!File.Exists(full))
            {
                throw new FileNotFoundException($"--llm-config {llmConfigPath}: no such file.", full);
            }

            builder.AddJsonFile(full, optional: false, reloadOnChange: false);
        }

        return builder.AddEnvironmentVariables().Build();
    }

    /// <summary>The ids of the LLM models the configuration names.</summary>
    public static IReadOnlyList<string> ModelIds(IConfiguration configuration) =>
        [.. ModelCatalog.ReadOptions(configuration).Select(o => o.Id)];

    /// <summary>
    /// Builds the cached LLM model <paramref name="modelId"/> for a backtest with <paramref name="options"/>, writes the
    /// estimate and warnings to <paramref name="output"/>, and throws <see cref="ArgumentException"/> (one line) when the
    /// model is unknown or not usable, or the estimate is above <paramref name="maxCostUsd"/>.
    /// </summary>
    public static async Task<LlmBacktest> PrepareAsync(
        string modelId,
        IConfiguration configuration,
        string? journal,
        decimal? maxCostUsd,
        BacktestOptions options,
        int pairs,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var limit = maxCostUsd ?? DefaultMaxCostUsd;
        if (limit < 0)
        {
            throw new ArgumentException($"--max-cost {limit.ToString(CultureInfo.InvariantCulture)} must not be negative.");
        }

        var catalog = ModelCatalog.FromConfiguration(configuration);
        try
        {
            var llm = catalog.Find(modelId) ?? throw new ArgumentException(
                $"Unknown model '{modelId}'. Use baseline, buy-and-hold or an LLM model of Llm:Models ({Known(catalog)}; --llm-config FILE or Llm__Models__<id>__... variables).");
            var status = await catalog.ProbeAsync(modelId, cancellationToken).ConfigureAwait(false);
            if (!status.IsUsable)
            {
                throw new ArgumentException($"Model {modelId} cannot be asked: {status.Detail}.");
            }

            var database = OpenJournal(journal ?? DefaultJournal);
            await new JournalMigrator(database).MigrateAsync(cancellationToken).ConfigureAwait(false);
            var cache = new SqlDecisionCache(database);
            var estimate = await LlmBacktestEstimate.ComputeAsync(llm.Options, options.From, options.To, options.DecisionInterval, pairs, cache, cancellationToken)
                .ConfigureAwait(false);
            await output.WriteLineAsync($"estimate: {estimate.Describe()} (decision cache: {database.Description})").ConfigureAwait(false);
            foreach (var warning in estimate.Warnings)
            {
                await output.WriteLineAsync($"warning: {warning}").ConfigureAwait(false);
            }

            if (estimate.Exceeds(limit))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"the estimated cost ${estimate.CostUsd:N2} of {modelId} is above --max-cost ${limit:N2}: not started. Raise --max-cost, shorten the period or lengthen --decision-interval."));
            }

            return new LlmBacktest(catalog, new CachedDecisionModel(llm, cache, limit), estimate, database.Description);
        }
        catch
        {
            catalog.Dispose();
            throw;
        }
    }

    /// <summary>"LLM claude-sonnet-4-5: 287 decision times, 12 from the cache, 275 provider calls, $0.1234 spent ($0.0050 saved), 0 without answer".</summary>
    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"LLM {Model.Id}: {Model.Runs} decision times, {Model.CacheHits} from the cache, {Model.ProviderCalls} provider calls, ${Model.SpentUsd:0.0000} spent (${Model.SavedUsd:0.0000} saved), {Model.Failures} without answer");

    public void Dispose() => _catalog.Dispose();

    private static JournalDatabase OpenJournal(string journal) =>
        journal.Contains("Host=", StringComparison.OrdinalIgnoreCase)
            ? JournalDatabase.ForPostgreSql(journal)
            : JournalDatabase.ForSqliteFile(journal);

    private static string Known(ModelCatalog catalog) =>
        catalog.Models.Count == 0 ? "none configured" : "configured: " + string.Join(", ", catalog.Models.Select(m => m.Id));
}
