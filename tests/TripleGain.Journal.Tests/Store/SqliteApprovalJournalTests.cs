using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class SqliteApprovalJournalTests(SqliteDatabases databases) : ApprovalJournalTests(databases), IClassFixture<SqliteDatabases>;
