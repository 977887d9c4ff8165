using Npgsql;

namespace TripleGain.Journal.Tests.Databases;

/// <summary>
/// PostgreSQL journals for one test class: a uniquely named database created on the server that
/// TRIPLEGAIN_TEST_POSTGRES points at (dropped afterwards), and a fresh schema in it per test. Without the variable,
/// or when the server does not answer, every PostgreSQL test fails with a message saying how to get one.
/// </summary>
public sealed class PostgresDatabases : IJournalDatabases, IAsyncLifetime
{
    public const string EnvironmentVariable = "TRIPLEGAIN_TEST_POSTGRES";

    private readonly string databaseName = $"tg_journal_test_{Guid.NewGuid():N}";
    private string? adminConnectionString;
    private string? unavailable;
    private int count;

    public JournalProvider Provider => JournalProvider.PostgreSql;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(configured))
        {
            unavailable = $"PostgreSQL not available: run infra/scripts/test.sh (or set {EnvironmentVariable} to an Npgsql connection string, " +
                          "e.g. Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres).";
            return;
        }

        adminConnectionString = new NpgsqlConnectionStringBuilder(configured) { Pooling = false }.ConnectionString;
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {databaseName};", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException exception)
        {
            unavailable = $"PostgreSQL not available: run infra/scripts/test.sh ({EnvironmentVariable} = '{Describe(configured)}' failed: {exception.Message}).";
        }
    }

    public async Task<JournalDatabase> CreateEmptyAsync()
    {
        if (unavailable is not null)
        {
            Assert.Fail(unavailable);
        }

        var schema = $"journal_{Interlocked.Increment(ref count)}";
        // A session time zone far from UTC: a timestamp sent or read as local time would show up as hours off.
        var builder = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = databaseName, Pooling = false, Timezone = "America/St_Johns" };
        await using (var connection = new NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE SCHEMA {schema};", connection);
            await command.ExecuteNonQueryAsync();
        }

        builder.SearchPath = schema;
        return JournalDatabase.ForPostgreSql(builder.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (adminConnectionString is null || unavailable is not null)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {databaseName} WITH (FORCE);", connection);
        await command.ExecuteNonQueryAsync();
    }

    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"Host={builder.Host};Port={builder.Port};Database={builder.Database}";
        }
        catch (ArgumentException)
        {
            return "(unparsable connection string)";
        }
    }
}
