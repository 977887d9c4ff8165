using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Migrations;

public sealed class PostgresMigrationTests(PostgresDatabases databases) : MigrationTests(databases), IClassFixture<PostgresDatabases>;
