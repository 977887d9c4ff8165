namespace TripleGain.Journal;

/// <summary>The journal's schema cannot be brought up to date: a changed or unknown applied migration, or a failed one.</summary>
public sealed class JournalMigrationException : Exception
{
    public JournalMigrationException()
    {
    }

    public JournalMigrationException(string message)
        : base(message)
    {
    }

    public JournalMigrationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
