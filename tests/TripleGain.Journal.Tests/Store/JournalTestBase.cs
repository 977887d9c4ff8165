using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>Gives each test a journal on a freshly migrated database of the subclass's provider.</summary>
public abstract class JournalTestBase(IJournalDatabases databases)
{
    protected static CancellationToken Cancel => TestContext.Current.CancellationToken;

    protected IJournalDatabases Databases => databases;

    protected async Task<SqlDecisionJournal> NewJournalAsync() => new(await databases.CreateMigratedAsync());
}
