using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

public sealed class SqliteLlmStoreTests(SqliteDatabases databases) : LlmStoreTests(databases), IClassFixture<SqliteDatabases>;
