using Dapper;
using Microsoft.Data.Sqlite;
using TripleGain.Journal.Tests.Databases;
using TripleGain.Journal.Tests.Store;

namespace TripleGain.Journal.Tests.Migrations;

/// <summary>How the SQLite journal stores values: money as exact invariant text, timestamps as fixed-width UTC text.</summary>
public sealed class SqliteStorageTests(SqliteDatabases databases) : IClassFixture<SqliteDatabases>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RecordDecisionAsync_Sqlite_StoresMoneyAsExactTextAndTimestampsAsFixedWidthUtcText()
    {
        var database = await databases.CreateMigratedAsync();
        await new SqlDecisionJournal(database).RecordDecisionAsync(Samples.Decision(), null, Cancel);
        await using var connection = await database.OpenRawAsync();

        var row = await connection.QuerySingleAsync<(string CostType, string Cost, string SizePct, string AtType, string At, string ConfidenceType)>(
            "SELECT typeof(cost_usd), cost_usd, size_pct, typeof(decided_at), decided_at, typeof(confidence) FROM decisions;");

        row.ShouldBe(("text", "0.000123456789012345", "12.5000", "text", "2025-03-04T05:06:07.123456Z", "real"));
    }

    [Theory]
    [InlineData("cost_usd", "1e-5")]
    [InlineData("cost_usd", "1,5")]
    [InlineData("cost_usd", "")]
    [InlineData("cost_usd", "-1")]
    [InlineData("decided_at", "2025-03-04 05:06:07")]
    [InlineData("decided_at", "2025-03-04T05:06:07.123Z")]
    [InlineData("action", "BUY")]
    public async Task Schema_Sqlite_RejectsValuesOutsideTheCanonicalForm(string column, string value)
    {
        var database = await databases.CreateMigratedAsync();
        await using var connection = await database.OpenRawAsync();
        var values = new Dictionary<string, object>
        {
            ["cost_usd"] = "0.5", ["decided_at"] = "2025-03-04T05:06:07.123456Z", ["action"] = "buy",
        };
        values[column] = value;

        var insert = () => connection.ExecuteAsync("""
            INSERT INTO decisions (decision_key, account_id, model_id, pair, decided_at, action, parse_status, latency_ms,
                                   input_tokens, output_tokens, cost_usd)
            VALUES ('k', 'a', 'm', 'BTC/USDT', @decided_at, @action, 'ok', 1.0, 0, 0, @cost_usd);
            """, values);

        var error = await Should.ThrowAsync<SqliteException>(insert);
        error.Message.ShouldContain("CHECK constraint failed");
    }

    [Fact]
    public async Task Schema_Sqlite_MoneyColumnNeverHoldsAReal()
    {
        var database = await databases.CreateMigratedAsync();
        await using var connection = await database.OpenRawAsync();

        await connection.ExecuteAsync("""
            INSERT INTO decisions (decision_key, account_id, model_id, pair, decided_at, action, parse_status, latency_ms,
                                   input_tokens, output_tokens, cost_usd)
            VALUES ('k', 'a', 'm', 'BTC/USDT', '2025-03-04T05:06:07.123456Z', 'buy', 'ok', 1.0, 0, 0, 0.25);
            """);

        (await connection.QuerySingleAsync<string>("SELECT typeof(cost_usd) FROM decisions;")).ShouldBe("text");
    }
}
