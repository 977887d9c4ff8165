using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Tests.Support;

/// <summary>
/// Reads what a silo (usually a dead one) left behind: the decision journal and the Orleans grain states (JSON payloads
/// of the storage table), on SQLite (journal.db and orleans.db in the data folder) or on one PostgreSQL database.
/// </summary>
public sealed class TradingStore(StorageSettings storage, Func<DbConnection> journal, JournalDatabase journalDatabase, string serviceId = "triplegain")
{
    private readonly SqlDecisionJournal decisionJournal = new(journalDatabase);

    public StorageSettings Storage { get; } = storage;

    public static TradingStore ForSqlite(string dataDirectory) =>
        new(StorageSettings.ForSqlite(dataDirectory), () => new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "journal.db"),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 30,
        }.ConnectionString), JournalDatabase.ForSqliteFile(Path.Combine(dataDirectory, "journal.db")));

    public static TradingStore ForPostgreSql(string connectionString, string dataDirectory) =>
        new(StorageSettings.ForPostgreSql(connectionString, dataDirectory), () => new NpgsqlConnection(connectionString),
            JournalDatabase.ForPostgreSql(connectionString));

    public async Task<StoreSnapshot> ReadAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var cycles = await QueryJournalAsync("SELECT cycle_id, started_at, status FROM cycles",
            r => new JournalCycle(r.GetString(0), Time(r.GetValue(1)), r.GetString(2)));
        var decisions = await QueryJournalAsync("SELECT decision_key FROM decisions", r => r.GetString(0));
        var orders = await QueryJournalAsync("SELECT client_order_id, account_id, volume, status FROM orders",
            r => new JournalOrder(r.GetString(0), r.GetString(1), Number(r.GetValue(2)), r.GetString(3)));
        var fills = await QueryJournalAsync("SELECT exchange_fill_id, client_order_id, price, volume, fee, filled_at FROM fills",
            r => new JournalFill(r.GetString(0), r.GetString(1), Number(r.GetValue(2)), Number(r.GetValue(3)), Number(r.GetValue(4)), Time(r.GetValue(5))));

        var portfolios = new Dictionary<string, PortfolioState>(StringComparer.Ordinal);
        foreach (var (key, payload) in await GrainStatesAsync("portfolio"))
        {
            portfolios[key] = JsonSerializer.Deserialize<PortfolioState>(payload).ShouldNotBeNull();
        }

        var cycleState = (await GrainStatesAsync("cycle")).Where(s => s.Key == CycleKeys.Paper)
            .Select(s => JsonSerializer.Deserialize<CycleGrainState>(s.Payload)).SingleOrDefault();
        var anchor = await MarketClockStore.ReadAsync(Storage, serviceId, cancellation);
        var equity = new Dictionary<string, IReadOnlyList<EquitySnapshotRecord>>(StringComparer.Ordinal);
        foreach (var account in portfolios.Keys)
        {
            equity[account] = await decisionJournal.EquityCurveAsync(account, cancellationToken: cancellation);
        }

        return new StoreSnapshot(cycles, decisions, orders, fills, portfolios, cycleState, anchor, equity);
    }

    /// <summary>The journal's cycles still marked running.</summary>
    public Task<IReadOnlyList<JournalCycle>> RunningCyclesAsync() =>
        QueryJournalAsync("SELECT cycle_id, started_at, status FROM cycles WHERE status = 'running'",
            r => new JournalCycle(r.GetString(0), Time(r.GetValue(1)), r.GetString(2)));

    /// <summary>How many orders and fills the journal holds (0 before the journal exists).</summary>
    public async Task<(long Orders, long Fills, long Cycles)> CountsAsync()
    {
        try
        {
            var counts = await QueryJournalAsync(
                "SELECT (SELECT COUNT(*) FROM orders), (SELECT COUNT(*) FROM fills), (SELECT COUNT(*) FROM cycles WHERE status = 'succeeded')",
                r => (Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(r.GetValue(1), CultureInfo.InvariantCulture),
                    Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture)));
            return counts.Single();
        }
        catch (DbException)
        {
            return (0, 0, 0);
        }
    }

    private async Task<IReadOnlyList<T>> QueryJournalAsync<T>(string sql, Func<DbDataReader, T> read)
    {
        await using var connection = journal();
        return await QueryAsync(connection, sql, read);
    }

    private async Task<IReadOnlyList<(string Key, byte[] Payload)>> GrainStatesAsync(string grainType)
    {
        await using var connection = Storage.CreateConnection();
        return await QueryAsync(connection,
            $"SELECT GrainIdExtensionString, PayloadBinary FROM OrleansStorage WHERE GrainTypeString = '{grainType}' AND PayloadBinary IS NOT NULL",
            r => (r.GetString(0), (byte[])r.GetValue(1)));
    }

    private static async Task<IReadOnlyList<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        var cancellation = TestContext.Current.CancellationToken;
        await connection.OpenAsync(cancellation);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellation))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    private static decimal Number(object value) => value switch
    {
        decimal d => d,
        string s => decimal.Parse(s, NumberStyles.Number, CultureInfo.InvariantCulture),
        _ => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
    };

    private static DateTime Time(object value) => value switch
    {
        DateTime t => DateTime.SpecifyKind(t, DateTimeKind.Utc),
        DateTimeOffset t => t.UtcDateTime,
        string s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidOperationException($"Unexpected time value {value} ({value.GetType().Name})."),
    };
}
