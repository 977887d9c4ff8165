using Dapper;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Migrations;

/// <summary>How the PostgreSQL journal stores values: money as numeric, timestamps as timestamptz, JSON as json.</summary>
public sealed class PostgresStorageTests(PostgresDatabases databases) : IClassFixture<PostgresDatabases>
{
    [Fact]
    public async Task Schema_PostgreSql_UsesNumericForMoneyTimestamptzForTimesAndNeverFloatForMoney()
    {
        var database = await databases.CreateMigratedAsync();
        await using var connection = await database.OpenRawAsync();

        var types = (await connection.QueryAsync<(string Column, string Type)>("""
                SELECT table_name || '.' || column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema();
                """)).ToDictionary(c => c.Column, c => c.Type);

        types["decisions.cost_usd"].ShouldBe("numeric");
        types["orders.volume"].ShouldBe("numeric");
        types["fills.fee"].ShouldBe("numeric");
        types["equity_snapshots.equity"].ShouldBe("numeric");
        types["decisions.decided_at"].ShouldBe("timestamp with time zone");
        types["decisions.parsed_json"].ShouldBe("json");
        types["daily_model_performance.day"].ShouldBe("date");
        types.Where(c => c.Value is "double precision" or "real").Select(c => c.Key).ShouldBe(
        [
            "daily_model_performance.latency_p50_ms", "daily_model_performance.latency_p95_ms", "daily_model_performance.return_pct",
            "decisions.confidence", "decisions.latency_ms", "llm_decision_cache.latency_ms",
        ], ignoreOrder: true);
        types["llm_decision_cache.cost_usd"].ShouldBe("numeric");
        types["llm_daily_spend.cost_usd"].ShouldBe("numeric");
        types["llm_daily_spend.day"].ShouldBe("date");
    }
}
