using Npgsql;

namespace TripleGain.Silo.Tests.PostgreSql;

/// <summary>
/// The throwaway PostgreSQL server that infra/scripts/test.sh starts (through infra/scripts/postgres.sh). Its
/// connection string comes from <see cref="Variable"/>, else from the file postgres.sh writes. Without either the
/// PostgreSQL tests fail, saying how to start one: they are never skipped silently.
/// </summary>
public static class PostgreSqlServer
{
    public const string Variable = "TRIPLEGAIN_TEST_POSTGRES";
    public const string ConnectionFile = "/tmp/triplegain-pg/connection";

    private const string HowToStart =
        "Run the tests with 'bash infra/scripts/test.sh' (it starts a throwaway PostgreSQL), or run " +
        "'export TRIPLEGAIN_TEST_POSTGRES=\"$(bash infra/scripts/postgres.sh)\"' before 'dotnet test'";

    private static readonly Lazy<(string ConnectionString, string Source)> Server = new(Find);

    /// <summary>Creates a fresh, empty database on the server; dispose drops it.</summary>
    public static async Task<PostgreSqlDatabase> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var (connectionString, source) = Server.Value;
        var name = $"tg_test_{Guid.NewGuid():N}"[..24];
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE {name}";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new InvalidOperationException(
                $"The PostgreSQL test server from {source} cannot create a database ({ex.Message}). {HowToStart}.", ex);
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Database = name };
        return new PostgreSqlDatabase(name, builder.ConnectionString, connectionString);
    }

    private static (string, string) Find()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(value))
        {
            return (value.Trim(), $"the environment variable {Variable}");
        }

        if (File.Exists(ConnectionFile))
        {
            return (File.ReadAllText(ConnectionFile).Trim(), ConnectionFile);
        }

        throw new InvalidOperationException(
            $"The PostgreSQL tests need a server: {Variable} is not set and {ConnectionFile} does not exist. {HowToStart}.");
    }
}
