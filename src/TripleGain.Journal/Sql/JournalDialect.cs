using System.Data.Common;
using Dapper;

namespace TripleGain.Journal.Sql;

/// <summary>
/// The few places where SQLite and PostgreSQL differ for the journal: connections, how decimals, timestamps, days
/// and JSON travel as parameters, the migrations table and the migration lock. Everything else (ON CONFLICT upserts,
/// RETURNING, row-value keyset comparisons) is the same SQL on both.
/// </summary>
internal abstract class JournalDialect
{
    public abstract JournalProvider Provider { get; }

    /// <summary>The folder under sql/journal/ holding this dialect's migrations ("sqlite", "postgresql").</summary>
    public abstract string ScriptFolder { get; }

    /// <summary>DDL of the runner's own table, idempotent.</summary>
    public abstract string MigrationsTableSql { get; }

    /// <summary>
    /// Rows per multi-row INSERT of decisions. PostgreSQL saves a network round trip per row; in-process SQLite has no
    /// round trip to save, and its parameter binding by name grows with the square of the parameter count.
    /// </summary>
    public abstract int DecisionInsertChunk { get; }

    public abstract DbConnection CreateConnection(string connectionString);

    /// <summary>Run once per migration run, outside any transaction (SQLite: switch to WAL).</summary>
    public virtual Task PrepareForMigrationAsync(DbConnection connection, CancellationToken cancellationToken) =>
        Task.CompletedTask;

    /// <summary>Holds off other processes migrating the same database until disposed (PostgreSQL: advisory lock).</summary>
    public abstract Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken);

    public abstract void AddDecimal(DynamicParameters parameters, string name, decimal? value);

    /// <summary>Adds a UTC timestamp already truncated to microseconds.</summary>
    public abstract void AddTimestamp(DynamicParameters parameters, string name, DateTime? value);

    public abstract void AddDay(DynamicParameters parameters, string name, DateOnly? value);

    /// <summary>The SQL expression that turns the text parameter <paramref name="name"/> into the JSON column's type.</summary>
    public abstract string JsonValue(string name);
}
