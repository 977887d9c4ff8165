using System.Data.Common;
using Dapper;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// <see cref="IDecisionJournal"/> on SQLite or PostgreSQL through Dapper. Each write opens a pooled connection and
/// runs in one transaction; reads run without one. The schema must be migrated first (<see cref="JournalMigrator"/>).
/// Thread-safe: it holds no state besides the database.
/// </summary>
public sealed partial class SqlDecisionJournal : IDecisionJournal
{
    private readonly JournalDatabase database;
    private readonly JournalDialect dialect;

    public SqlDecisionJournal(JournalDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        dialect = database.Dialect;
        insertEquitySnapshotSql = InsertEquitySnapshotSqlFor(dialect);
    }

    public JournalDatabase Database => database;

    private SqlParameters Parameters() => new(dialect);

    private async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var result = await work(connection, transaction).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    private static async Task<IReadOnlyList<JournalRow>> QueryAsync(
        DbConnection connection, string sql, SqlParameters? parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(sql, parameters?.Values, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return [.. rows.Select(JournalRow.Of)];
    }

    private static async Task<JournalRow?> QuerySingleAsync(
        DbConnection connection, string sql, SqlParameters parameters, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, sql, parameters, transaction, cancellationToken).ConfigureAwait(false);
        return rows.Count == 0 ? null : rows[0];
    }

    private static Task<int> ExecuteAsync(
        DbConnection connection, string sql, SqlParameters parameters, DbTransaction transaction, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters.Values, transaction, cancellationToken: cancellationToken));

    private static Task<T?> ScalarAsync<T>(
        DbConnection connection, string sql, SqlParameters parameters, DbTransaction? transaction, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters.Values, transaction, cancellationToken: cancellationToken));

    private async Task<bool> ExistsAsync(
        DbConnection connection, string table, string column, object key, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var parameters = Parameters();
        _ = key switch
        {
            long id => parameters.Long("key", id),
            string text => parameters.Text("key", text),
            _ => throw new ArgumentException("Key must be a long or a string.", nameof(key)),
        };
        var found = await ScalarAsync<long?>(
                connection, $"SELECT 1 FROM {table} WHERE {column} = @key;", parameters, transaction, cancellationToken)
            .ConfigureAwait(false);
        return found is not null;
    }
}
