using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Migrations;

/// <summary>The two dialects' migrations give the same logical schema: same tables, same columns, same indexes.</summary>
public sealed class SchemaParityTests(PostgresDatabases postgres) : IClassFixture<PostgresDatabases>, IDisposable
{
    private readonly SqliteDatabases sqlite = new();

    [Fact]
    public async Task EmbeddedMigrations_SqliteAndPostgreSql_HaveTheSameTablesColumnsAndIndexes()
    {
        var onPostgres = await postgres.CreateMigratedAsync();
        var onSqlite = await sqlite.CreateMigratedAsync();

        (await onSqlite.TableNamesAsync()).ShouldBe(await onPostgres.TableNamesAsync());
        (await onSqlite.ColumnNamesAsync()).ShouldBe(await onPostgres.ColumnNamesAsync());
        (await onSqlite.IndexNamesAsync()).ShouldBe(await onPostgres.IndexNamesAsync());
    }

    public void Dispose() => sqlite.Dispose();
}
