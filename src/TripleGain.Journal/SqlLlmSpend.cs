using Dapper;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// The LLM models' daily spend in the journal's database (table <c>llm_daily_spend</c>, migration 0002), on SQLite or
/// PostgreSQL. Rows hold running totals: a write replaces the day's row only when it counts more calls, so an older
/// total that arrives late never overwrites a newer one. Thread-safe.
/// </summary>
public sealed class SqlLlmSpend
{
    private const string Columns = "model_id, day, cost_usd, calls, input_tokens, output_tokens, updated_at";

    private readonly JournalDatabase database;

    public SqlLlmSpend(JournalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
    }

    /// <summary>Writes the day's totals of a model; returns false when the stored row already counts as many calls or more (kept).</summary>
    public async Task<bool> RecordAsync(LlmSpendRecord spend, CancellationToken cancellationToken = default)
    {
        Validate(spend);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect)
            .Text("model_id", spend.ModelId)
            .Day("day", spend.Day)
            .Decimal("cost_usd", spend.CostUsd)
            .Long("calls", spend.Calls)
            .Long("input_tokens", spend.InputTokens)
            .Long("output_tokens", spend.OutputTokens)
            .Timestamp("updated_at", spend.UpdatedAt);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
                $"""
                INSERT INTO llm_daily_spend ({Columns})
                VALUES (@model_id, @day, @cost_usd, @calls, @input_tokens, @output_tokens, @updated_at)
                ON CONFLICT (model_id, day) DO UPDATE SET
                    cost_usd = excluded.cost_usd, calls = excluded.calls, input_tokens = excluded.input_tokens,
                    output_tokens = excluded.output_tokens, updated_at = excluded.updated_at
                WHERE excluded.calls > llm_daily_spend.calls;
                """,
                parameters.Values, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return changed > 0;
    }

    /// <summary>Every model's totals of one UTC day, by model id.</summary>
    public async Task<IReadOnlyList<LlmSpendRecord>> DayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var parameters = new SqlParameters(database.Dialect).Day("day", day);
        var rows = await connection.QueryAsync(new CommandDefinition(
                $"SELECT {Columns} FROM llm_daily_spend WHERE day = @day ORDER BY model_id;",
                parameters.Values, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(JournalRow.Of).Select(row => new LlmSpendRecord(
                row.Text("model_id"), row.Day("day"), row.Decimal("cost_usd"), row.Int("calls"),
                row.Long("input_tokens"), row.Long("output_tokens"), row.Timestamp("updated_at"))),
        ];
    }

    private static void Validate(LlmSpendRecord spend)
    {
        ArgumentNullException.ThrowIfNull(spend);
        JournalInput.Text(spend.ModelId, "LlmSpendRecord.ModelId");
        JournalInput.NotNegative(spend.CostUsd, "LlmSpendRecord.CostUsd");
        JournalInput.NotNegative(spend.Calls, "LlmSpendRecord.Calls");
        JournalInput.NotNegative(spend.InputTokens, "LlmSpendRecord.InputTokens");
        JournalInput.NotNegative(spend.OutputTokens, "LlmSpendRecord.OutputTokens");
        JournalInput.Utc(spend.UpdatedAt, "LlmSpendRecord.UpdatedAt");
    }
}
