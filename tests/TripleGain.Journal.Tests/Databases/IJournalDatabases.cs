namespace TripleGain.Journal.Tests.Databases;

/// <summary>Hands each test a fresh, empty journal database of one provider.</summary>
public interface IJournalDatabases
{
    JournalProvider Provider { get; }

    /// <summary>A new empty database (SQLite: a new file; PostgreSQL: a new schema in this class's database).</summary>
    Task<JournalDatabase> CreateEmptyAsync();
}
