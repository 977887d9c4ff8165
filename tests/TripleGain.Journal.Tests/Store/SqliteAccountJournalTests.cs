using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class SqliteAccountJournalTests(SqliteDatabases databases) : AccountJournalTests(databases), IClassFixture<SqliteDatabases>;
