using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class PostgresLlmStoreTests(PostgresDatabases databases) : LlmStoreTests(databases), IClassFixture<PostgresDatabases>;
