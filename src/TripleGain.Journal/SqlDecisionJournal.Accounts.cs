using System.Text;
using System.Text.Json;
using TripleGain.Core.Market;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

public sealed partial class SqlDecisionJournal
{
    private const string EquityColumns = "account_id, taken_at, equity, balances_json, drawdown";

    private const string DailyColumns =
        "model_id, account_id, day, return_pct, equity, trades, wins, losses, latency_p50_ms, latency_p95_ms, " +
        "parse_successes, parse_failures, input_tokens, output_tokens, cost_usd";

    private const string StageColumns = "account_id, from_stage, to_stage, phase, reason, changed_by, changed_at";

    private const string EmergencyColumns = "account_id, state, changed_by, changed_at, reason";

    private readonly string insertEquitySnapshotSql;

    public Task<bool> RecordEquitySnapshotAsync(EquitySnapshotRecord snapshot, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        JournalInput.Text(snapshot.AccountId, "EquitySnapshotRecord.AccountId");
        JournalInput.Utc(snapshot.TakenAt, "EquitySnapshotRecord.TakenAt");
        ArgumentNullException.ThrowIfNull(snapshot.Balances, "EquitySnapshotRecord.Balances");
        foreach (var asset in snapshot.Balances.Keys)
        {
            JournalInput.Defined(asset, "EquitySnapshotRecord.Balances key");
        }

        JournalInput.NotNegative(snapshot.Drawdown, "EquitySnapshotRecord.Drawdown");
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("account_id", snapshot.AccountId)
                .Timestamp("taken_at", snapshot.TakenAt)
                .Decimal("equity", snapshot.Equity)
                .Text("balances_json", BalancesJson(snapshot.Balances))
                .Decimal("drawdown", snapshot.Drawdown);
            var id = await ScalarAsync<long?>(connection, insertEquitySnapshotSql, parameters, transaction, cancellationToken)
                .ConfigureAwait(false);
            return id is not null;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EquitySnapshotRecord>> EquityCurveAsync(
        string accountId, DateTime? from = null, DateTime? to = null, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(accountId, nameof(accountId));
        JournalInput.Utc(from, nameof(from));
        JournalInput.Utc(to, nameof(to));
        return ReadAsync(async connection =>
        {
            var where = new List<string> { "account_id = @account_id" };
            var parameters = Parameters().Text("account_id", accountId);
            if (from is { } start)
            {
                where.Add("taken_at >= @from");
                parameters.Timestamp("from", start);
            }

            if (to is { } end)
            {
                where.Add("taken_at < @to");
                parameters.Timestamp("to", end);
            }

            var rows = await QueryAsync(connection,
                    $"SELECT {EquityColumns} FROM equity_snapshots {WhereClause(where)} ORDER BY taken_at;", parameters, null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<EquitySnapshotRecord>)[.. rows.Select(row => new EquitySnapshotRecord(
                row.Text("account_id"),
                row.Timestamp("taken_at"),
                row.Decimal("equity"),
                ReadBalances(row.Text("balances_json")),
                row.Decimal("drawdown")))];
        }, cancellationToken);
    }

    public Task UpsertDailyPerformanceAsync(DailyPerformanceRecord performance, CancellationToken cancellationToken = default)
    {
        Validate(performance);
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("model_id", performance.ModelId)
                .Text("account_id", performance.AccountId)
                .Day("day", performance.Day)
                .Double("return_pct", performance.ReturnPct)
                .Decimal("equity", performance.Equity)
                .Long("trades", performance.Trades)
                .Long("wins", performance.Wins)
                .Long("losses", performance.Losses)
                .Double("latency_p50_ms", performance.LatencyP50Ms)
                .Double("latency_p95_ms", performance.LatencyP95Ms)
                .Long("parse_successes", performance.ParseSuccesses)
                .Long("parse_failures", performance.ParseFailures)
                .Long("input_tokens", performance.InputTokens)
                .Long("output_tokens", performance.OutputTokens)
                .Decimal("cost_usd", performance.CostUsd);
            return await ExecuteAsync(connection, $"""
                    INSERT INTO daily_model_performance ({DailyColumns})
                    VALUES (@model_id, @account_id, @day, @return_pct, @equity, @trades, @wins, @losses, @latency_p50_ms,
                            @latency_p95_ms, @parse_successes, @parse_failures, @input_tokens, @output_tokens, @cost_usd)
                    ON CONFLICT (model_id, account_id, day) DO UPDATE SET
                        return_pct = excluded.return_pct, equity = excluded.equity, trades = excluded.trades,
                        wins = excluded.wins, losses = excluded.losses, latency_p50_ms = excluded.latency_p50_ms,
                        latency_p95_ms = excluded.latency_p95_ms, parse_successes = excluded.parse_successes,
                        parse_failures = excluded.parse_failures, input_tokens = excluded.input_tokens,
                        output_tokens = excluded.output_tokens, cost_usd = excluded.cost_usd;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<DailyPerformanceRecord>> DailyPerformanceAsync(
        string? modelId = null, string? accountId = null, DateOnly? fromDay = null, DateOnly? toDay = null, CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            var where = new List<string>();
            var parameters = Parameters();
            if (modelId is not null)
            {
                where.Add("model_id = @model_id");
                parameters.Text("model_id", modelId);
            }

            if (accountId is not null)
            {
                where.Add("account_id = @account_id");
                parameters.Text("account_id", accountId);
            }

            if (fromDay is { } from)
            {
                where.Add("day >= @from_day");
                parameters.Day("from_day", from);
            }

            if (toDay is { } to)
            {
                where.Add("day <= @to_day");
                parameters.Day("to_day", to);
            }

            var rows = await QueryAsync(connection,
                    $"SELECT {DailyColumns} FROM daily_model_performance {WhereClause(where)} ORDER BY day, model_id, account_id;",
                    parameters, null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<DailyPerformanceRecord>)[.. rows.Select(row => new DailyPerformanceRecord(
                row.Text("model_id"),
                row.Text("account_id"),
                row.Day("day"),
                row.Double("return_pct"),
                row.Decimal("equity"),
                row.Int("trades"),
                row.Int("wins"),
                row.Int("losses"),
                row.Double("latency_p50_ms"),
                row.Double("latency_p95_ms"),
                row.Int("parse_successes"),
                row.Int("parse_failures"),
                row.Long("input_tokens"),
                row.Long("output_tokens"),
                row.Decimal("cost_usd")))];
        }, cancellationToken);

    public Task RecordStageTransitionAsync(StageTransitionRecord transition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transition);
        JournalInput.Text(transition.AccountId, "StageTransitionRecord.AccountId");
        if (transition.FromStage is not null)
        {
            JournalInput.Text(transition.FromStage, "StageTransitionRecord.FromStage");
        }

        JournalInput.Text(transition.ToStage, "StageTransitionRecord.ToStage");
        JournalInput.Between(transition.Phase, 1, 4, "StageTransitionRecord.Phase");
        JournalInput.Text(transition.Reason, "StageTransitionRecord.Reason");
        JournalInput.Text(transition.ChangedBy, "StageTransitionRecord.ChangedBy");
        JournalInput.Utc(transition.ChangedAt, "StageTransitionRecord.ChangedAt");
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("account_id", transition.AccountId)
                .Text("from_stage", transition.FromStage)
                .Text("to_stage", transition.ToStage)
                .Long("phase", transition.Phase)
                .Text("reason", transition.Reason)
                .Text("changed_by", transition.ChangedBy)
                .Timestamp("changed_at", transition.ChangedAt);
            return await ExecuteAsync(connection, $"""
                    INSERT INTO stage_transitions ({StageColumns})
                    VALUES (@account_id, @from_stage, @to_stage, @phase, @reason, @changed_by, @changed_at);
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<StageTransitionRecord>> StageTransitionsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(accountId, nameof(accountId));
        return ReadAsync(async connection =>
        {
            var rows = await QueryAsync(connection,
                    $"SELECT {StageColumns} FROM stage_transitions WHERE account_id = @account_id ORDER BY changed_at, id;",
                    Parameters().Text("account_id", accountId), null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<StageTransitionRecord>)[.. rows.Select(row => new StageTransitionRecord(
                row.Text("account_id"),
                row.NullableText("from_stage"),
                row.Text("to_stage"),
                row.Int("phase"),
                row.Text("reason"),
                row.Text("changed_by"),
                row.Timestamp("changed_at")))];
        }, cancellationToken);
    }

    public Task RecordEmergencyStopAsync(EmergencyStopRecord stop, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stop);
        JournalInput.Text(stop.AccountId, "EmergencyStopRecord.AccountId");
        JournalInput.Defined(stop.State, "EmergencyStopRecord.State");
        JournalInput.Text(stop.ChangedBy, "EmergencyStopRecord.ChangedBy");
        JournalInput.Utc(stop.ChangedAt, "EmergencyStopRecord.ChangedAt");
        JournalInput.Text(stop.Reason, "EmergencyStopRecord.Reason");
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("account_id", stop.AccountId)
                .Enum("state", stop.State)
                .Text("changed_by", stop.ChangedBy)
                .Timestamp("changed_at", stop.ChangedAt)
                .Text("reason", stop.Reason);
            return await ExecuteAsync(connection, $"""
                    INSERT INTO emergency_stops ({EmergencyColumns})
                    VALUES (@account_id, @state, @changed_by, @changed_at, @reason);
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<IReadOnlyList<EmergencyStopRecord>> EmergencyStopsAsync(string accountId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(accountId, nameof(accountId));
        return ReadAsync(async connection =>
        {
            var rows = await QueryAsync(connection,
                    $"SELECT {EmergencyColumns} FROM emergency_stops WHERE account_id = @account_id ORDER BY changed_at, id;",
                    Parameters().Text("account_id", accountId), null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<EmergencyStopRecord>)[.. rows.Select(row => new EmergencyStopRecord(
                row.Text("account_id"),
                row.Enum<EmergencyStopState>("state"),
                row.Text("changed_by"),
                row.Timestamp("changed_at"),
                row.Text("reason")))];
        }, cancellationToken);
    }

    private static string InsertEquitySnapshotSqlFor(JournalDialect dialect) => $"""
        INSERT INTO equity_snapshots ({EquityColumns})
        VALUES (@account_id, @taken_at, @equity, {dialect.JsonValue("balances_json")}, @drawdown)
        ON CONFLICT (account_id, taken_at) DO NOTHING
        RETURNING id;
        """;

    /// <summary>{"USDT": 1000.50, "BTC": 0.01}: assets by name in enum order, decimals written exactly (scale kept).</summary>
    internal static string BalancesJson(IReadOnlyDictionary<Asset, decimal> balances)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (asset, amount) in balances.OrderBy(pair => pair.Key))
            {
                writer.WriteNumber(JournalValues.AssetText(asset), amount);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    internal static IReadOnlyDictionary<Asset, decimal> ReadBalances(string json)
    {
        using var document = JsonDocument.Parse(json);
        var balances = new Dictionary<Asset, decimal>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            balances[JournalValues.ParseAsset(property.Name, "equity_snapshots.balances_json")] = property.Value.GetDecimal();
        }

        return balances;
    }

    private static void Validate(DailyPerformanceRecord performance)
    {
        ArgumentNullException.ThrowIfNull(performance);
        JournalInput.Text(performance.ModelId, "DailyPerformanceRecord.ModelId");
        JournalInput.Text(performance.AccountId, "DailyPerformanceRecord.AccountId");
        JournalInput.Finite(performance.ReturnPct, "DailyPerformanceRecord.ReturnPct");
        JournalInput.NotNegative(performance.Trades, "DailyPerformanceRecord.Trades");
        JournalInput.NotNegative(performance.Wins, "DailyPerformanceRecord.Wins");
        JournalInput.NotNegative(performance.Losses, "DailyPerformanceRecord.Losses");
        JournalInput.NotNegative(performance.LatencyP50Ms, "DailyPerformanceRecord.LatencyP50Ms");
        JournalInput.NotNegative(performance.LatencyP95Ms, "DailyPerformanceRecord.LatencyP95Ms");
        JournalInput.NotNegative(performance.ParseSuccesses, "DailyPerformanceRecord.ParseSuccesses");
        JournalInput.NotNegative(performance.ParseFailures, "DailyPerformanceRecord.ParseFailures");
        JournalInput.NotNegative(performance.InputTokens, "DailyPerformanceRecord.InputTokens");
        JournalInput.NotNegative(performance.OutputTokens, "DailyPerformanceRecord.OutputTokens");
        JournalInput.NotNegative(performance.CostUsd, "DailyPerformanceRecord.CostUsd");
    }
}
