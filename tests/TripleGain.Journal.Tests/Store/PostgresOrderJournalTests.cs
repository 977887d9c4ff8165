using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class PostgresOrderJournalTests(PostgresDatabases databases) : OrderJournalTests(databases), IClassFixture<PostgresDatabases>;
