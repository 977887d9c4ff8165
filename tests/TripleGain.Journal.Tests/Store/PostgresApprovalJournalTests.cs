using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class PostgresApprovalJournalTests(PostgresDatabases databases) : ApprovalJournalTests(databases), IClassFixture<PostgresDatabases>;
