namespace TripleGain.Journal.Tests.Migrations;

public sealed class MigrationScriptTests
{
    [Fact]
    public void Embedded_BothProviders_HaveTheSameNumberedMigrations()
    {
        var sqlite = JournalMigrationScript.Embedded(JournalProvider.Sqlite);
        var postgres = JournalMigrationScript.Embedded(JournalProvider.PostgreSql);

        sqlite.Select(s => s.Label).ShouldBe(postgres.Select(s => s.Label));
        sqlite.Select(s => s.Version).ShouldBe(Enumerable.Range(1, sqlite.Count));
        sqlite[0].Sql.ShouldContain("CREATE TABLE decisions");
        postgres[0].Sql.ShouldContain("CREATE TABLE decisions");
    }

    [Fact]
    public void Embedded_SqliteMigrations_StoreNoMoneyAsReal()
    {
        var realColumns = JournalMigrationScript.Embedded(JournalProvider.Sqlite)
            .SelectMany(script => script.Sql.Split('\n'))
            .Where(line => line.Contains(" REAL ", StringComparison.Ordinal))
            .Select(line => line.Trim().Split(' ')[0]);

        // 0001: decisions, daily_model_performance; 0002: llm_decision_cache
        realColumns.ShouldBe(["confidence", "latency_ms", "return_pct", "latency_p50_ms", "latency_p95_ms", "latency_ms"], ignoreOrder: true);
    }

    [Fact]
    public void Checksum_CrlfAndLfLineEndings_AreTheSame()
    {
        var lf = new JournalMigrationScript(1, "x", "CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n");
        var crlf = new JournalMigrationScript(1, "x", "CREATE TABLE a (id INTEGER);\r\nCREATE TABLE b (id INTEGER);\r\n");

        crlf.Checksum.ShouldBe(lf.Checksum);
        lf.Checksum.Length.ShouldBe(64);
    }

    [Fact]
    public void Checksum_ChangedText_Differs()
    {
        new JournalMigrationScript(1, "x", "CREATE TABLE a (id INTEGER);").Checksum
            .ShouldNotBe(new JournalMigrationScript(1, "x", "CREATE TABLE a (id  INTEGER);").Checksum);
    }

    [Theory]
    [InlineData(0, "initial")]
    [InlineData(1, "Initial")]
    [InlineData(1, "add index")]
    [InlineData(1, "")]
    public void Constructor_BadVersionOrName_Throws(int version, string name)
    {
        Should.Throw<ArgumentException>(() => new JournalMigrationScript(version, name, "SELECT 1;"));
    }

    [Fact]
    public void Constructor_ScriptsOutOfOrder_ThrowsNamingBoth()
    {
        var database = JournalDatabase.ForSqlite("Data Source=:memory:");

        var error = Should.Throw<ArgumentException>(() => new JournalMigrator(database,
            [new JournalMigrationScript(2, "b", "SELECT 1;"), new JournalMigrationScript(1, "a", "SELECT 1;")]));

        error.Message.ShouldContain("0001_a follows 0002_b");
    }
}
