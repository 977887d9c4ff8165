using System.Data.Common;
using Dapper;

namespace TripleGain.Journal.Tests.Databases;

public static class JournalDatabasesExtensions
{
    /// <summary>A new database with every embedded migration applied.</summary>
    public static async Task<JournalDatabase> CreateMigratedAsync(this IJournalDatabases databases)
    {
        var database = await databases.CreateEmptyAsync();
        await new JournalMigrator(database).MigrateAsync(TestContext.Current.CancellationToken);
        return database;
    }

    /// <summary>An open raw connection for checks the journal's API does not offer.</summary>
    public static async Task<DbConnection> OpenRawAsync(this JournalDatabase database)
    {
        var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>The journal's table names in this database, sorted (schema_migrations included).</summary>
    public static async Task<IReadOnlyList<string>> TableNamesAsync(this JournalDatabase database)
    {
        await using var connection = await database.OpenRawAsync();
        var sql = database.Provider == JournalProvider.Sqlite
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name;"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY table_name;";
        return [.. await connection.QueryAsync<string>(sql)];
    }

    /// <summary>"table.column" for every column of every table, sorted.</summary>
    public static async Task<IReadOnlyList<string>> ColumnNamesAsync(this JournalDatabase database)
    {
        await using var connection = await database.OpenRawAsync();
        var sql = database.Provider == JournalProvider.Sqlite
            ? """
              SELECT m.name || '.' || c.name FROM sqlite_master m, pragma_table_info(m.name) c
              WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%';
              """
            : "SELECT table_name || '.' || column_name FROM information_schema.columns WHERE table_schema = current_schema();";
        return [.. (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal)];
    }

    /// <summary>"table.index" for every index the migrations created (not the implicit ones of keys), sorted.</summary>
    public static async Task<IReadOnlyList<string>> IndexNamesAsync(this JournalDatabase database)
    {
        await using var connection = await database.OpenRawAsync();
        var sql = database.Provider == JournalProvider.Sqlite
            ? "SELECT tbl_name || '.' || name FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%';"
            : "SELECT tablename || '.' || indexname FROM pg_indexes WHERE schemaname = current_schema() AND indexname LIKE 'ix_%';";
        return [.. (await connection.QueryAsync<string>(sql)).Order(StringComparer.Ordinal)];
    }
}
