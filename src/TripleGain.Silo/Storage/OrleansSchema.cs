using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace TripleGain.Silo.Storage;

/// <summary>
/// Applies the Orleans ADO.NET contract scripts (sql/orleans/&lt;database&gt;/*.sql, embedded in this assembly) to the
/// storage database. The scripts are idempotent, so this runs at every start-up; on PostgreSQL an advisory lock
/// serialises silos that start at the same time.
/// </summary>
public static class OrleansSchema
{
    /// <summary>The Orleans version whose ADO.NET query contract the scripts follow.</summary>
    public const string ContractVersion = "10.4.2";

    /// <summary>The scripts, in the order they are applied.</summary>
    public static IReadOnlyList<string> ScriptNames { get; } =
        ["1-main.sql", "2-clustering.sql", "3-persistence.sql", "4-reminders.sql"];

    // An arbitrary constant that names TripleGain's schema lock among PostgreSQL advisory locks.
    private const long PostgreSqlLockKey = 0x7472_6970_6c65_6701;

    /// <summary>The text of one embedded script for the provider.</summary>
    public static string ReadScript(StorageProvider provider, string name)
    {
        var resource = $"TripleGain.Sql.Orleans.{Folder(provider)}.{name}";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded SQL script {resource} is missing from the silo assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static async Task ApplyAsync(StorageSettings storage, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using var connection = storage.CreateConnection();
        await connection.OpenAsync(cancellationToken);

        if (storage.Provider == StorageProvider.Sqlite)
        {
            // Readers do not block the writer: set once, the file remembers it.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlLockKey});", cancellationToken);
        }

        foreach (var name in ScriptNames)
        {
            await ExecuteAsync(connection, transaction, ReadScript(storage.Provider, name), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // the text is one of our embedded scripts, never user input
        command.CommandText = sql;
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Folder(StorageProvider provider) => provider switch
    {
        StorageProvider.Sqlite => "sqlite",
        StorageProvider.PostgreSql => "postgresql",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown storage provider."),
    };
}
