using System.Data;
using System.Data.Common;
using Dapper;
using Npgsql;

namespace TripleGain.Journal.Sql;

/// <summary>
/// PostgreSQL: decimals as numeric, timestamps as timestamptz (UTC DateTime), days as date, JSON as json (the text is
/// cast in SQL). Migrations run under a session advisory lock so two silos starting together apply each script once.
/// </summary>
internal sealed class PostgreSqlDialect : JournalDialect
{
    /// <summary>The advisory lock key of journal migrations: the first 8 bytes of "TGJOURNL" as an integer.</summary>
    internal const long MigrationLockKey = 0x54474A4F55524E4C;

    public static PostgreSqlDialect Instance { get; } = new();

    public override JournalProvider Provider => JournalProvider.PostgreSql;

    public override string ScriptFolder => "postgresql";

    public override string MigrationsTableSql => """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version     bigint      NOT NULL PRIMARY KEY,
            name        text        NOT NULL,
            checksum    text        NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    public override int DecisionInsertChunk => 100;

    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override async Task<IAsyncDisposable> LockMigrationsAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_lock(@key);", new { key = MigrationLockKey }, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return new AdvisoryLock(connection);
    }

    public override void AddDecimal(DynamicParameters parameters, string name, decimal? value) =>
        parameters.Add(name, value, DbType.Decimal);

    public override void AddTimestamp(DynamicParameters parameters, string name, DateTime? value) =>
        parameters.Add(name, value, DbType.DateTime);

    public override void AddDay(DynamicParameters parameters, string name, DateOnly? value) =>
        parameters.Add(name, value, DbType.Date);

    public override string JsonValue(string name) => $"CAST(@{name} AS json)";

    private sealed class AdvisoryLock(DbConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (connection.State == ConnectionState.Open)
            {
                await connection.ExecuteAsync("SELECT pg_advisory_unlock(@key);", new { key = MigrationLockKey })
                    .ConfigureAwait(false);
            }
        }
    }
}
