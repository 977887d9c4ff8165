using Npgsql;

namespace TripleGain.Silo.Tests.PostgreSql;

/// <summary>A database created for one test; dropped on dispose.</summary>
public sealed class PostgreSqlDatabase(string name, string connectionString, string serverConnectionString) : IAsyncDisposable
{
    public string Name { get; } = name;

    public string ConnectionString { get; } = connectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(serverConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS {Name} WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }
}
