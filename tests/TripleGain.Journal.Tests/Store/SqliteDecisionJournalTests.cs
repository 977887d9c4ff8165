using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class SqliteDecisionJournalTests(SqliteDatabases databases) : DecisionJournalTests(databases), IClassFixture<SqliteDatabases>;
