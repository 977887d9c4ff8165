using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// Where the journal lives: a SQLite file (the embedded default) or a PostgreSQL database. Hand one to
/// <see cref="JournalMigrator"/> at start-up and to <see cref="SqlDecisionJournal"/>. The connection string comes
/// from configuration or the environment and is never logged (<see cref="ToString"/> names only the place).
/// </summary>
public sealed class JournalDatabase
{
    private JournalDatabase(JournalDialect dialect, string connectionString, string description)
    {
        Dialect = dialect;
        ConnectionString = connectionString;
        Description = description;
    }

    public JournalProvider Provider => Dialect.Provider;

    /// <summary>"sqlite:/data/journal.db" or "postgresql:host:port/database" (no user, no password).</summary>
    public string Description { get; }

    internal JournalDialect Dialect { get; }

    internal string ConnectionString { get; }

    /// <summary>A SQLite journal in <paramref name="path"/>; the file and its folder are created when missing.</summary>
    public static JournalDatabase ForSqliteFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return ForSqlite(new SqliteConnectionStringBuilder { DataSource = fullPath }.ConnectionString);
    }

    /// <summary>A SQLite journal from a Microsoft.Data.Sqlite connection string; foreign keys are always switched on.</summary>
    public static JournalDatabase ForSqlite(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new SqliteConnectionStringBuilder(connectionString) { ForeignKeys = true, Pooling = true };
        return new JournalDatabase(SqliteDialect.Instance, builder.ConnectionString, $"sqlite:{builder.DataSource}");
    }

    /// <summary>A PostgreSQL journal from an Npgsql connection string ("Host=...;Port=...;Username=...;Database=...").</summary>
    public static JournalDatabase ForPostgreSql(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var description = $"postgresql:{builder.Host}:{builder.Port}/{builder.Database}";
        if (!string.IsNullOrEmpty(builder.SearchPath))
        {
            description += $"?search_path={builder.SearchPath}";
        }

        return new JournalDatabase(PostgreSqlDialect.Instance, builder.ConnectionString, description);
    }

    public static JournalDatabase Create(JournalProvider provider, string connectionString) => provider switch
    {
        JournalProvider.Sqlite => ForSqlite(connectionString),
        JournalProvider.PostgreSql => ForPostgreSql(connectionString),
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Journal provider must be Sqlite or PostgreSql."),
    };

    public override string ToString() => Description;

    internal async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }
}
