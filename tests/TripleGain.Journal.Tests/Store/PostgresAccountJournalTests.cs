using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class PostgresAccountJournalTests(PostgresDatabases databases) : AccountJournalTests(databases), IClassFixture<PostgresDatabases>;
