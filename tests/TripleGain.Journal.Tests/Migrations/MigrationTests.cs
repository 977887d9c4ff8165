using Dapper;
using Microsoft.Extensions.Time.Testing;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Migrations;

/// <summary>The migration runner against a real database; run once per provider by the subclasses.</summary>
public abstract class MigrationTests(IJournalDatabases databases)
{
    private static readonly string[] JournalTables =
    [
        "approvals", "cycles", "daily_model_performance", "decision_prompts", "decisions", "emergency_stops", "equity_snapshots", "fills",
        "llm_daily_spend", "llm_decision_cache", "orders", "risk_verdicts", "schema_migrations", "stage_transitions",
    ];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryMigrationAndCreatesTheJournalTables()
    {
        var database = await databases.CreateEmptyAsync();
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero));
        var migrator = new JournalMigrator(database, timeProvider: time);

        var applied = await migrator.MigrateAsync(Cancel);

        applied.Select(s => s.Label).ShouldBe(JournalMigrationScript.Embedded(databases.Provider).Select(s => s.Label));
        applied[0].Label.ShouldBe("0001_initial");
        (await database.TableNamesAsync()).ShouldBe(JournalTables);
        var rows = await migrator.AppliedMigrationsAsync(Cancel);
        rows.Select(r => (r.Version, r.Name, r.Checksum)).ShouldBe(applied.Select(s => (s.Version, s.Name, s.Checksum)));
        rows.ShouldAllBe(r => r.AppliedAt == new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public async Task MigrateAsync_SecondRun_AppliesNothingAndKeepsData()
    {
        var database = await databases.CreateEmptyAsync();
        await new JournalMigrator(database).MigrateAsync(Cancel);
        var journal = new SqlDecisionJournal(database);
        await journal.BeginCycleAsync("cycle-1", "paper:baseline", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Cancel);

        var applied = await new JournalMigrator(database).MigrateAsync(Cancel);

        applied.ShouldBeEmpty();
        (await journal.GetCycleAsync("cycle-1", Cancel)).ShouldNotBeNull();
        (await new JournalMigrator(database).AppliedMigrationsAsync(Cancel)).Count
            .ShouldBe(JournalMigrationScript.Embedded(databases.Provider).Count);
    }

    [Fact]
    public async Task MigrateAsync_JournalWithDecisionsFromBeforePromptsWereKept_UpgradesAndTheOldDecisionHasNoPromptText()
    {
        var database = await databases.CreateEmptyAsync();
        var embedded = JournalMigrationScript.Embedded(databases.Provider);
        await new JournalMigrator(database, [.. embedded.Where(s => s.Version <= 2)]).MigrateAsync(Cancel);
        await using (var connection = await database.OpenRawAsync())
        {
            // A decision as the 0002 schema wrote it (an LLM decision with its template name and hash, no prompt text).
            object decidedAt = databases.Provider == JournalProvider.Sqlite
                ? "2025-06-01T12:00:00.000000Z"
                : new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc);
            await connection.ExecuteAsync("""
                INSERT INTO decisions (decision_key, account_id, model_id, pair, decided_at, prompt_name, prompt_hash, raw_output,
                                       action, parse_status, latency_ms, input_tokens, output_tokens, cost_usd)
                VALUES ('old:claude:BTC/USDT', 'paper:claude', 'claude', 'BTC/USDT', @decidedAt, 'trading/decision', 'ab12', '{}',
                        'hold', 'ok', 1200, 900, 80, '0.0012');
                """, new { decidedAt });
        }

        var applied = await new JournalMigrator(database).MigrateAsync(Cancel);

        applied.Select(s => s.Label).ShouldContain("0003_decision_prompts");
        var journal = new SqlDecisionJournal(database);
        var old = (await journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(10), Cancel)).Items.ShouldHaveSingleItem();
        var detail = (await journal.GetDecisionAsync(old.Id, Cancel)).ShouldNotBeNull();
        detail.Decision.PromptName.ShouldBe("trading/decision");
        detail.Decision.PromptText.ShouldBeNull();
    }

    [Fact]
    public async Task MigrateAsync_AppliedMigrationEdited_ThrowsNamingTheMigrationAndAppliesNothing()
    {
        var database = await databases.CreateEmptyAsync();
        await new JournalMigrator(database, [new JournalMigrationScript(1, "first", "CREATE TABLE first_table (id INTEGER);")]).MigrateAsync(Cancel);
        var edited = new JournalMigrator(database,
        [
            new JournalMigrationScript(1, "first", "CREATE TABLE first_table (id INTEGER, extra INTEGER);"),
            new JournalMigrationScript(2, "second", "CREATE TABLE second_table (id INTEGER);"),
        ]);

        var error = await Should.ThrowAsync<JournalMigrationException>(() => edited.MigrateAsync(Cancel));

        error.Message.ShouldContain("0001_first");
        error.Message.ShouldContain("changed after it was applied");
        error.Message.ShouldContain(edited.Scripts[0].Checksum);
        (await database.TableNamesAsync()).ShouldNotContain("second_table");
    }

    [Fact]
    public async Task MigrateAsync_EmbeddedChecksumDiffersFromRecordedOne_Throws()
    {
        var database = await databases.CreateMigratedAsync();
        await using (var connection = await database.OpenRawAsync())
        {
            await connection.ExecuteAsync("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1;");
        }

        var error = await Should.ThrowAsync<JournalMigrationException>(() => new JournalMigrator(database).MigrateAsync(Cancel));

        error.Message.ShouldContain("0001_initial");
        error.Message.ShouldContain("checksum edited");
    }

    [Fact]
    public async Task MigrateAsync_DatabaseHasMigrationThisBuildDoesNotKnow_Throws()
    {
        var database = await databases.CreateEmptyAsync();
        await new JournalMigrator(database,
        [
            new JournalMigrationScript(1, "first", "CREATE TABLE first_table (id INTEGER);"),
            new JournalMigrationScript(2, "second", "CREATE TABLE second_table (id INTEGER);"),
        ]).MigrateAsync(Cancel);

        var older = new JournalMigrator(database, [new JournalMigrationScript(1, "first", "CREATE TABLE first_table (id INTEGER);")]);
        var error = await Should.ThrowAsync<JournalMigrationException>(() => older.MigrateAsync(Cancel));

        error.Message.ShouldContain("0002_second");
        error.Message.ShouldContain("does not know");
    }

    [Fact]
    public async Task MigrateAsync_FailingMigration_RollsItBackAndKeepsTheEarlierOnes()
    {
        var database = await databases.CreateEmptyAsync();
        var migrator = new JournalMigrator(database,
        [
            new JournalMigrationScript(1, "good", "CREATE TABLE good_table (id INTEGER);"),
            new JournalMigrationScript(2, "bad", "CREATE TABLE half_table (id INTEGER); INSERT INTO missing_table VALUES (1);"),
        ]);

        var error = await Should.ThrowAsync<JournalMigrationException>(() => migrator.MigrateAsync(Cancel));

        error.Message.ShouldContain("0002_bad");
        error.Message.ShouldContain("rolled back");
        var tables = await database.TableNamesAsync();
        tables.ShouldContain("good_table");
        tables.ShouldNotContain("half_table");
        (await migrator.AppliedMigrationsAsync(Cancel)).Select(m => m.Version).ShouldBe([1]);
    }

    [Fact]
    public async Task MigrateAsync_FourMigratorsAtOnce_ApplyEachMigrationExactlyOnce()
    {
        var database = await databases.CreateEmptyAsync();
        var scripts = new[]
        {
            new JournalMigrationScript(1, "first", "CREATE TABLE first_table (id INTEGER);"),
            new JournalMigrationScript(2, "second", "CREATE TABLE second_table (id INTEGER);"),
            new JournalMigrationScript(3, "third", "CREATE TABLE third_table (id INTEGER);"),
        };

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => new JournalMigrator(database, scripts).MigrateAsync(Cancel), Cancel)));

        runs.SelectMany(applied => applied).Select(s => s.Version).Order().ShouldBe([1, 2, 3]);
        (await new JournalMigrator(database, scripts).AppliedMigrationsAsync(Cancel)).Select(m => m.Version).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task MigrateAsync_EmbeddedMigrations_CreateTheIndexesTheDecisionPagesUse()
    {
        var database = await databases.CreateMigratedAsync();

        var indexes = await database.IndexNamesAsync();

        indexes.ShouldContain("decisions.ix_decisions_decided_at");
        indexes.ShouldContain("decisions.ix_decisions_model");
        indexes.ShouldContain("decisions.ix_decisions_pair");
        indexes.ShouldContain("decisions.ix_decisions_action");
        indexes.ShouldContain("decisions.ix_decisions_parse_status");
    }
}
