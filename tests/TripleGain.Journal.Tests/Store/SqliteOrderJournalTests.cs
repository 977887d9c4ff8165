using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class SqliteOrderJournalTests(SqliteDatabases databases) : OrderJournalTests(databases), IClassFixture<SqliteDatabases>;
