using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Migrations;

public sealed class SqliteMigrationTests(SqliteDatabases databases) : MigrationTests(databases), IClassFixture<SqliteDatabases>;
