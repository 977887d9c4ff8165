using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class PostgresDecisionJournalTests(PostgresDatabases databases) : DecisionJournalTests(databases), IClassFixture<PostgresDatabases>;
