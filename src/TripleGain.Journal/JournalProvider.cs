namespace TripleGain.Journal;

/// <summary>The databases the journal runs on. SQLite is the embedded default; PostgreSQL serves multi-silo setups.</summary>
public enum JournalProvider
{
    Sqlite = 1,
    PostgreSql = 2,
}
