using Microsoft.Data.Sqlite;

namespace TripleGain.Journal.Tests.Databases;

/// <summary>SQLite journals in temporary files, deleted with the fixture.</summary>
public sealed class SqliteDatabases : IJournalDatabases, IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "triplegain-journal-tests", Guid.NewGuid().ToString("N"));
    private int count;

    public JournalProvider Provider => JournalProvider.Sqlite;

    public Task<JournalDatabase> CreateEmptyAsync()
    {
        var file = Path.Combine(folder, $"journal-{Interlocked.Increment(ref count)}.db");
        return Task.FromResult(JournalDatabase.ForSqliteFile(file));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
