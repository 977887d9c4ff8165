namespace TripleGain.Journal;

/// <summary>
/// A write contradicts what the journal already holds (a final order moved to another status, a fill id recorded
/// with other values, a cycle finished twice differently). Nothing was changed.
/// </summary>
public sealed class JournalConflictException : InvalidOperationException
{
    public JournalConflictException()
    {
    }

    public JournalConflictException(string message)
        : base(message)
    {
    }

    public JournalConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
