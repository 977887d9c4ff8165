using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;

namespace TripleGain.Journal.Sql;

/// <summary>
/// SQLite: decimals travel and are stored as invariant-culture TEXT, timestamps as fixed-width ISO-8601 TEXT
/// ("yyyy-MM-ddTHH:mm:ss.ffffffZ"), days as "yyyy-MM-dd". Writers are serialized by IMMEDIATE transactions
/// (Microsoft.Data.Sqlite's default), which is also what keeps two migrators from applying a script twice.
/// </summary>
internal sealed class SqliteDialect : JournalDialect
{
    public static SqliteDialect Instance { get; } = new();

    public override JournalProvider Provider => JournalProvider.Sqlite;

    public override string ScriptFolder => "sqlite";

    public override string MigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     INTEGER NOT NULL PRIMARY KEY,
            name        TEXT    NOT NULL,
            checksum    TEXT    NOT NULL,
            applied_at  TEXT    NOT NULL
        ) STRICT;
        """;

    public override int DecisionInsertChunk => 1;

    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        // WAL lets the UI read while the silo writes; the setting is stored in the database file.
        await connection.ExecuteAsync(new CommandDefinition("PRAGMA journal_mode = WAL;", cancellationToken: cancellationToken))
            .ConfigureAwait(false);
    }

    public override Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    public override void AddDecimal(DynamicParameters parameters, string name, decimal? value) =>
        parameters.Add(name, value?.ToString(CultureInfo.InvariantCulture), DbType.String);

    public override void AddTimestamp(DynamicParameters parameters, string name, DateTime? value) =>
        parameters.Add(name, value is { } time ? JournalValues.FormatTimestamp(time) : null, DbType.String);

    public override void AddDay(DynamicParameters parameters, string name, DateOnly? value) =>
        parameters.Add(name, value?.ToString(JournalValues.DayFormat, CultureInfo.InvariantCulture), DbType.String);

    public override string JsonValue(string name) => "@" + name;

    private sealed class NoLock : IAsyncDisposable
    {
        public static NoLock Instance { get; } = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
