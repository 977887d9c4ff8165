using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TripleGain.Silo.Storage;

/// <summary>The validated storage choice of this silo (registered as a singleton).</summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The ADO.NET connection string (for SQLite it points at the file under the data folder).</param>
/// <param name="DataDirectory">The absolute data folder (exists).</param>
public sealed record StorageSettings(StorageProvider Provider, string ConnectionString, string DataDirectory)
{
    /// <summary>The SQLite file Orleans uses in the embedded mode, under the data folder.</summary>
    public const string SqliteFileName = "orleans.db";

    /// <summary>
    /// The ADO.NET invariant the Orleans 10.4.2 providers know the database by. For SQLite 10.4.2 accepts only
    /// "System.Data.SQLite" and maps it to Microsoft.Data.Sqlite's SqliteFactory.
    /// </summary>
    public string AdoNetInvariant => Provider switch
    {
        StorageProvider.Sqlite => "System.Data.SQLite",
        StorageProvider.PostgreSql => "Npgsql",
        _ => throw new InvalidOperationException($"Unknown storage provider {Provider}."),
    };

    public static StorageSettings ForSqlite(string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, SqliteFileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            DefaultTimeout = 30,
        };
        return new StorageSettings(StorageProvider.Sqlite, builder.ConnectionString, dataDirectory);
    }

    public static StorageSettings ForPostgreSql(string connectionString, string dataDirectory) =>
        new(StorageProvider.PostgreSql, connectionString, dataDirectory);

    /// <summary>A new, closed connection to the storage database.</summary>
    public DbConnection CreateConnection() => Provider switch
    {
        StorageProvider.Sqlite => new SqliteConnection(ConnectionString),
        StorageProvider.PostgreSql => new NpgsqlConnection(ConnectionString),
        _ => throw new InvalidOperationException($"Unknown storage provider {Provider}."),
    };

    /// <summary>Where the data lives, for logs and health output: never the password.</summary>
    public string Describe() => Provider switch
    {
        StorageProvider.Sqlite => $"Sqlite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}",
        StorageProvider.PostgreSql => DescribePostgreSql(ConnectionString),
        _ => Provider.ToString(),
    };

    public override string ToString() => Describe();

    private static string DescribePostgreSql(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSql {builder.Host}:{builder.Port}/{builder.Database} as {builder.Username}";
    }
}
