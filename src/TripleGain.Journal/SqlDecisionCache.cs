using System.Text.RegularExpressions;
using Dapper;
using TripleGain.Core.Agents;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// <see cref="IDecisionCache"/> in the journal's database (table <c>llm_decision_cache</c>, migration 0002), on SQLite
/// or PostgreSQL. Thread-safe; the schema must be migrated first (<see cref="JournalMigrator"/>).
/// </summary>
public sealed partial class SqlDecisionCache : IDecisionCache
{
    private const string Columns =
        "model_id, prompt_hash, decision_time, provider_model, prompt_name, template_hash, raw_output, input_tokens, output_tokens, cost_usd, latency_ms, created_at";

    private readonly JournalDatabase database;

    public SqlDecisionCache(JournalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    public async Task<CachedModelAnswer?> FindAsync(string modelId, string promptHash, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(modelId, nameof(modelId));
        RequireHash(promptHash, nameof(promptHash));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect).Text("model_id", modelId).Text("prompt_hash", promptHash);
        var rows = await connection.QueryAsync(new CommandDefinition(
                $"SELECT {Columns} FROM llm_decision_cache WHERE model_id = @model_id AND prompt_hash = @prompt_hash;",
                parameters.Values, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var found = rows.Select(JournalRow.Of).ToList();
        return found.Count == 0 ? null : Read(found[0]);
    }

    public async Task StoreAsync(CachedModelAnswer answer, CancellationToken cancellationToken = default)
    {
        Validate(answer);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect)
            .Text("model_id", answer.ModelId)
            .Text("prompt_hash", answer.PromptHash)
            .Timestamp("decision_time", answer.DecisionTime)
            .Text("provider_model", answer.ProviderModel)
            .Text("prompt_name", answer.PromptName)
            .Text("template_hash", answer.TemplateHash)
            .Text("raw_output", answer.RawOutput)
            .Long("input_tokens", answer.InputTokens)
            .Long("output_tokens", answer.OutputTokens)
            .Decimal("cost_usd", answer.CostUsd)
            .Double("latency_ms", answer.LatencyMs)
            .Timestamp("created_at", answer.CreatedAt);
        await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO llm_decision_cache ({Columns})
                VALUES (@model_id, @prompt_hash, @decision_time, @provider_model, @prompt_name, @template_hash, @raw_output, @input_tokens,
                        @output_tokens, @cost_usd, @latency_ms, @created_at)
                ON CONFLICT (model_id, prompt_hash) DO UPDATE SET
                    decision_time = excluded.decision_time, provider_model = excluded.provider_model, prompt_name = excluded.prompt_name,
                    template_hash = excluded.template_hash, raw_output = excluded.raw_output,
                    input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens,
                    cost_usd = excluded.cost_usd, latency_ms = excluded.latency_ms, created_at = excluded.created_at
                WHERE llm_decision_cache.provider_model <> excluded.provider_model;
                """,
                parameters.Values, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>How many answers are kept (for one model, or all).</summary>
    public async Task<long> CountAsync(string? modelId = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect).Text("model_id", modelId);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                modelId is null
                    ? "SELECT COUNT(*) FROM llm_decision_cache;"
                    : "SELECT COUNT(*) FROM llm_decision_cache WHERE model_id = @model_id;",
                parameters.Values, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    public async Task<long> CountAsync(string modelId, DateTime from, DateTime to, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(modelId, nameof(modelId));
        JournalInput.Utc(from, nameof(from));
        JournalInput.Utc(to, nameof(to));
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect).Text("model_id", modelId).Timestamp("from", from).Timestamp("to", to);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM llm_decision_cache WHERE model_id = @model_id AND decision_time >= @from AND decision_time < @to;",
                parameters.Values, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    private static CachedModelAnswer Read(JournalRow row) => new(
        row.Text("model_id"),
        row.Text("prompt_hash"),
        row.Timestamp("decision_time"),
        row.Text("provider_model"),
        row.Text("prompt_name"),
        row.Text("template_hash"),
        row.Text("raw_output"),
        row.Long("input_tokens"),
        row.Long("output_tokens"),
        row.Decimal("cost_usd"),
        row.Double("latency_ms"),
        row.Timestamp("created_at"));

    private static void Validate(CachedModelAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        JournalInput.Text(answer.ModelId, "CachedModelAnswer.ModelId");
        RequireHash(answer.PromptHash, "CachedModelAnswer.PromptHash");
        JournalInput.Utc(answer.DecisionTime, "CachedModelAnswer.DecisionTime");
        JournalInput.Text(answer.ProviderModel, "CachedModelAnswer.ProviderModel");
        JournalInput.Text(answer.PromptName, "CachedModelAnswer.PromptName");
        JournalInput.Text(answer.TemplateHash, "CachedModelAnswer.TemplateHash");
        ArgumentNullException.ThrowIfNull(answer.RawOutput, "CachedModelAnswer.RawOutput");
        JournalInput.NotNegative(answer.InputTokens, "CachedModelAnswer.InputTokens");
        JournalInput.NotNegative(answer.OutputTokens, "CachedModelAnswer.OutputTokens");
        JournalInput.NotNegative(answer.CostUsd, "CachedModelAnswer.CostUsd");
        JournalInput.NotNegative(answer.LatencyMs, "CachedModelAnswer.LatencyMs");
        JournalInput.Utc(answer.CreatedAt, "CachedModelAnswer.CreatedAt");
    }

    private static void RequireHash(string? hash, string name)
    {
        if (hash is null || !HashPattern().IsMatch(hash))
        {
            throw new ArgumentException(
                $"{name} must be a lower-case hex SHA-256 (64 characters 0-9a-f); got '{hash}'.", name);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}$")]
    private static partial Regex HashPattern();
}
