using System.Data.Common;
using Dapper;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

/// <summary>
/// Brings a journal database up to date at start-up: applies the embedded numbered migrations that are missing, each
/// in its own transaction together with its row in <c>schema_migrations</c> (version, name, checksum, applied_at).
/// Running it again is a no-op. Before applying anything it checks the applied ones: an applied migration whose
/// checksum or name changed, or one this build does not know, stops it with a <see cref="JournalMigrationException"/>.
/// Two processes migrating the same database at once apply each migration once: PostgreSQL takes a session advisory
/// lock; SQLite serializes the IMMEDIATE transactions and each one re-checks its version before applying.
/// </summary>
public sealed class JournalMigrator
{
    private readonly JournalDatabase database;
    private readonly TimeProvider timeProvider;

    /// <param name="database">The journal database.</param>
    /// <param name="scripts">The migrations to apply; by default the ones embedded for the database's provider.</param>
    /// <param name="timeProvider">The clock for <c>applied_at</c>; by default the system clock.</param>
    public JournalMigrator(JournalDatabase database, IReadOnlyList<JournalMigrationScript>? scripts = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        this.database = database;
        this.timeProvider = timeProvider ?? TimeProvider.System;
        Scripts = scripts ?? JournalMigrationScript.Embedded(database.Provider);
        for (var i = 0; i < Scripts.Count; i++)
        {
            if (i > 0 && Scripts[i].Version <= Scripts[i - 1].Version)
            {
                throw new ArgumentException(
                    $"Journal migrations must have distinct versions in ascending order; {Scripts[i]} follows {Scripts[i - 1]}.", nameof(scripts));
            }
        }
    }

    public IReadOnlyList<JournalMigrationScript> Scripts { get; }

    /// <summary>Applies the missing migrations; returns the ones applied by this call (empty when up to date).</summary>
    public async Task<IReadOnlyList<JournalMigrationScript>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var dialect = database.Dialect;
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await dialect.PrepareForMigrationAsync(connection, cancellationToken).ConfigureAwait(false);
        await using var migrationLock = await dialect.LockMigrationsAsync(connection, cancellationToken).ConfigureAwait(false);

        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            await connection.ExecuteAsync(new CommandDefinition(dialect.MigrationsTableSql, transaction: transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        Verify(await ReadAppliedAsync(connection, null, cancellationToken).ConfigureAwait(false));

        var applied = new List<JournalMigrationScript>();
        foreach (var script in Scripts)
        {
            if (await ApplyAsync(connection, script, cancellationToken).ConfigureAwait(false))
            {
                applied.Add(script);
            }
        }

        return applied;
    }

    /// <summary>The rows of <c>schema_migrations</c>, by version (the table is created empty when the journal was never migrated).</summary>
    public async Task<IReadOnlyList<AppliedMigration>> AppliedMigrationsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(database.Dialect.MigrationsTableSql, transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        var applied = await ReadAppliedAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return applied;
    }

    private async Task<bool> ApplyAsync(DbConnection connection, JournalMigrationScript script, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var already = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM schema_migrations WHERE version = @version;",
                new SqlParameters(database.Dialect).Long("version", script.Version).Values, transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        if (already > 0)
        {
            // Another process applied it after we looked; its checksum was verified by that process's build.
            return false;
        }

        try
        {
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = script.Sql;
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            var parameters = new SqlParameters(database.Dialect)
                .Long("version", script.Version)
                .Text("name", script.Name)
                .Text("checksum", script.Checksum)
                .Timestamp("applied_at", timeProvider.GetUtcNow().UtcDateTime);
            await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (@version, @name, @checksum, @applied_at);",
                    parameters.Values, transaction, cancellationToken: cancellationToken))
                .ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbException exception)
        {
            throw new JournalMigrationException(
                $"Journal migration {script} ({database.Provider}) failed and was rolled back: {exception.Message}", exception);
        }
    }

    private void Verify(IReadOnlyList<AppliedMigration> applied)
    {
        var known = Scripts.ToDictionary(script => script.Version);
        foreach (var row in applied)
        {
            if (!known.TryGetValue(row.Version, out var script))
            {
                throw new JournalMigrationException(
                    $"The journal database {database} has migration {row.Version:D4}_{row.Name} applied, which this build does not know " +
                    $"(it knows up to {Scripts[^1]}). Refusing to run an older build against a newer journal.");
            }

            if (row.Name != script.Name || row.Checksum != script.Checksum)
            {
                throw new JournalMigrationException(
                    $"Journal migration {script} ({database.Provider}) was changed after it was applied to {database}: " +
                    $"the database recorded {row.Version:D4}_{row.Name} with checksum {row.Checksum}, this build has checksum {script.Checksum}. " +
                    "Applied migrations must never be edited; add a new numbered migration instead.");
            }
        }
    }

    private static async Task<IReadOnlyList<AppliedMigration>> ReadAppliedAsync(
        DbConnection connection, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync(new CommandDefinition(
                "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version;",
                transaction: transaction, cancellationToken: cancellationToken))
            .ConfigureAwait(false);
        return
        [
            .. rows.Select(JournalRow.Of).Select(row => new AppliedMigration(
                checked((int)row.Long("version")), row.Text("name"), row.Text("checksum"), row.Timestamp("applied_at"))),
        ];
    }
}
