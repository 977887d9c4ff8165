using System.Data.Common;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

public sealed partial class SqlDecisionJournal
{
    private const string DecisionColumns =
        "id, decision_key, cycle_id, account_id, model_id, pair, decided_at, prompt_name, prompt_hash, raw_output, " +
        "parsed_json, action, size_pct, confidence, stop_loss, take_profit, reasoning, parse_status, parse_error, " +
        "latency_ms, input_tokens, output_tokens, cost_usd";

    private const string VerdictColumns =
        "outcome, rule, reason, approved_size_pct, approved_notional_usd, approved_volume, leverage, stop_loss, take_profit";


    public async Task<Recorded<long>> RecordDecisionAsync(DecisionRecord decision, RiskVerdictRecord? verdict = null, CancellationToken cancellationToken = default)
    {
        var results = await RecordDecisionsAsync([new DecisionEntry(decision, verdict)], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    public Task<IReadOnlyList<Recorded<long>>> RecordDecisionsAsync(IReadOnlyList<DecisionEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        for (var i = 0; i < entries.Count; i++)
        {
            ArgumentNullException.ThrowIfNull(entries[i], $"entries[{i}]");
            Validate(entries[i].Decision);
            if (entries[i].Verdict is { } verdict)
            {
                Validate(verdict);
            }
        }

        return WriteAsync<IReadOnlyList<Recorded<long>>>(async (connection, transaction) =>
        {
            var knownCycles = new HashSet<string>(StringComparer.Ordinal);
            var results = new List<Recorded<long>>(entries.Count);
            for (var start = 0; start < entries.Count; start += dialect.DecisionInsertChunk)
            {
                var chunk = new List<DecisionEntry>(dialect.DecisionInsertChunk);
                for (var i = start; i < Math.Min(entries.Count, start + dialect.DecisionInsertChunk); i++)
                {
                    chunk.Add(entries[i]);
                }

                foreach (var decision in chunk.Select(entry => entry.Decision))
                {
                    if (decision.CycleId is { } cycleId && knownCycles.Add(cycleId)
                        && !await ExistsAsync(connection, "cycles", "cycle_id", cycleId, transaction, cancellationToken).ConfigureAwait(false))
                    {
                        throw new KeyNotFoundException(
                            $"Decision '{decision.DecisionKey}' refers to cycle '{cycleId}', which is not in the journal: begin the cycle first.");
                    }
                }

                var promptKeys = await InsertPromptsAsync(connection, transaction, chunk, cancellationToken).ConfigureAwait(false);
                var ids = await InsertDecisionsAsync(connection, transaction, chunk, promptKeys, cancellationToken).ConfigureAwait(false);
                foreach (var (decision, verdict) in chunk)
                {
                    var (id, created) = ids.Claim(decision.DecisionKey);
                    if (verdict is not null)
                    {
                        await InsertVerdictAsync(connection, transaction, id, verdict, cancellationToken).ConfigureAwait(false);
                    }

                    results.Add(new Recorded<long>(id, AlreadyExisted: !created));
                }
            }

            return results;
        }, cancellationToken);
    }

    public Task<bool> RecordVerdictAsync(long decisionId, RiskVerdictRecord verdict, CancellationToken cancellationToken = default)
    {
        Validate(verdict);
        return WriteAsync(async (connection, transaction) =>
        {
            if (!await ExistsAsync(connection, "decisions", "id", decisionId, transaction, cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException($"Decision {decisionId} is not in the journal; its verdict cannot be recorded.");
            }

            return await InsertVerdictAsync(connection, transaction, decisionId, verdict, cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<DecisionPage> QueryDecisionsAsync(DecisionFilter filter, DecisionPageRequest page, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(page);
        JournalInput.Between(page.Limit, 1, DecisionPageRequest.MaxLimit, "page.Limit");
        if (page.OlderThan is not null && page.NewerThan is not null)
        {
            throw new ArgumentException("A decision page is either OlderThan or NewerThan a cursor, not both.", nameof(page));
        }

        JournalInput.Utc(page.OlderThan?.DecidedAt, "page.OlderThan.DecidedAt");
        JournalInput.Utc(page.NewerThan?.DecidedAt, "page.NewerThan.DecidedAt");

        return ReadAsync(async connection =>
        {
            var newerFirst = page.NewerThan is null;
            var (where, parameters) = DecisionWhere(filter);
            if ((page.OlderThan ?? page.NewerThan) is { } cursor)
            {
                where.Add(newerFirst ? "(decided_at, id) < (@cursor_at, @cursor_id)" : "(decided_at, id) > (@cursor_at, @cursor_id)");
                parameters.Timestamp("cursor_at", cursor.DecidedAt).Long("cursor_id", cursor.Id);
            }

            parameters.Long("limit", page.Limit + 1);
            var order = newerFirst ? "decided_at DESC, id DESC" : "decided_at ASC, id ASC";
            var rows = await QueryAsync(connection,
                    $"SELECT {DecisionColumns} FROM decisions {WhereClause(where)} ORDER BY {order} LIMIT @limit;",
                    parameters, null, cancellationToken)
                .ConfigureAwait(false);

            var more = rows.Count > page.Limit;
            var items = rows.Take(page.Limit).Select(ReadDecision).ToList();
            if (!newerFirst)
            {
                items.Reverse();
            }

            if (items.Count == 0)
            {
                return new DecisionPage(items, null, null);
            }

            var newest = DecisionCursor.Of(items[0]);
            var oldest = DecisionCursor.Of(items[^1]);
            var hasOlder = newerFirst ? more : await AnyDecisionAsync(connection, filter, "<", oldest, cancellationToken).ConfigureAwait(false);
            var hasNewer = newerFirst
                ? page.OlderThan is not null && await AnyDecisionAsync(connection, filter, ">", newest, cancellationToken).ConfigureAwait(false)
                : more;
            return new DecisionPage(items, hasOlder ? oldest : null, hasNewer ? newest : null);
        }, cancellationToken);
    }

    public Task<long> CountDecisionsAsync(DecisionFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return ReadAsync(async connection =>
        {
            var (where, parameters) = DecisionWhere(filter);
            return await ScalarAsync<long>(connection, $"SELECT COUNT(*) FROM decisions {WhereClause(where)};", parameters, null, cancellationToken)
                .ConfigureAwait(false);
        }, cancellationToken);
    }

    public Task<DecisionDetail?> GetDecisionAsync(long decisionId, CancellationToken cancellationToken = default) =>
        ReadAsync(async connection =>
        {
            var row = await QuerySingleAsync(connection,
                $"SELECT {DecisionColumns}, prompt_text FROM decisions LEFT JOIN decision_prompts USING (prompt_sha256) WHERE id = @id;",
                Parameters().Long("id", decisionId), null, cancellationToken).ConfigureAwait(false);
            if (row is not { } decisionRow)
            {
                return null;
            }

            var verdictRow = await QuerySingleAsync(connection, $"SELECT {VerdictColumns} FROM risk_verdicts WHERE decision_id = @id;",
                Parameters().Long("id", decisionId), null, cancellationToken).ConfigureAwait(false);
            var orders = await QueryAsync(connection, $"SELECT {OrderColumns} FROM orders WHERE decision_id = @id ORDER BY created_at, id;",
                Parameters().Long("id", decisionId), null, cancellationToken).ConfigureAwait(false);
            return new DecisionDetail(
                ReadDecision(decisionRow) with { PromptText = decisionRow.NullableText("prompt_text") },
                verdictRow is { } v ? ReadVerdict(v) : null,
                [.. orders.Select(ReadOrder)]);
        }, cancellationToken);

    private async Task<bool> InsertVerdictAsync(
        DbConnection connection, DbTransaction transaction, long decisionId, RiskVerdictRecord verdict, CancellationToken cancellationToken)
    {
        var parameters = Parameters()
            .Long("decision_id", decisionId)
            .Enum("outcome", verdict.Outcome)
            .Text("rule", verdict.Rule)
            .Text("reason", verdict.Reason)
            .Decimal("approved_size_pct", verdict.ApprovedSizePct)
            .Decimal("approved_notional_usd", verdict.ApprovedNotionalUsd)
            .Decimal("approved_volume", verdict.ApprovedVolume)
            .Decimal("leverage", verdict.Leverage)
            .Decimal("stop_loss", verdict.StopLoss)
            .Decimal("take_profit", verdict.TakeProfit);
        var id = await ScalarAsync<long?>(connection, $"""
                INSERT INTO risk_verdicts (decision_id, {VerdictColumns})
                VALUES (@decision_id, @outcome, @rule, @reason, @approved_size_pct, @approved_notional_usd, @approved_volume,
                        @leverage, @stop_loss, @take_profit)
                ON CONFLICT (decision_id) DO NOTHING
                RETURNING id;
                """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        return id is not null;
    }

    private async Task<bool> AnyDecisionAsync(
        DbConnection connection, DecisionFilter filter, string comparison, DecisionCursor cursor, CancellationToken cancellationToken)
    {
        var (where, parameters) = DecisionWhere(filter);
        where.Add($"(decided_at, id) {comparison} (@cursor_at, @cursor_id)");
        parameters.Timestamp("cursor_at", cursor.DecidedAt).Long("cursor_id", cursor.Id);
        var found = await ScalarAsync<long?>(connection, $"SELECT 1 FROM decisions {WhereClause(where)} LIMIT 1;", parameters, null, cancellationToken)
            .ConfigureAwait(false);
        return found is not null;
    }

    private (List<string> Where, SqlParameters Parameters) DecisionWhere(DecisionFilter filter)
    {
        JournalInput.Utc(filter.From, "filter.From");
        JournalInput.Utc(filter.To, "filter.To");
        var where = new List<string>();
        var parameters = Parameters();
        if (filter.AccountId is { } account)
        {
            where.Add("account_id = @account_id");
            parameters.Text("account_id", account);
        }

        if (filter.ModelId is { } model)
        {
            where.Add("model_id = @model_id");
            parameters.Text("model_id", model);
        }

        if (filter.Pair is { } pair)
        {
            where.Add("pair = @pair");
            parameters.Pair("pair", pair);
        }

        if (filter.Action is { } action)
        {
            where.Add("action = @action");
            parameters.Enum("action", action);
        }

        if (filter.ParseStatus is { } status)
        {
            where.Add("parse_status = @parse_status");
            parameters.Enum("parse_status", status);
        }

        if (filter.From is { } from)
        {
            where.Add("decided_at >= @from");
            parameters.Timestamp("from", from);
        }

        if (filter.To is { } to)
        {
            where.Add("decided_at < @to");
            parameters.Timestamp("to", to);
        }

        return (where, parameters);
    }

    private static string WhereClause(List<string> where) => where.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", where);

    /// <summary>
    /// Stores the chunk's distinct rendered prompts (insert-if-absent on their SHA-256) and returns each text's key,
    /// hashed once however many decisions share it.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, string>> InsertPromptsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DecisionEntry> chunk, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var parameters = Parameters();
        var rows = new List<string>();
        foreach (var decision in chunk.Select(entry => entry.Decision))
        {
            if (decision.PromptText is not { } text || keys.ContainsKey(text))
            {
                continue;
            }

            var n = rows.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys[text] = JournalValues.Sha256Hex(text);
            parameters.Text("sha" + n, keys[text]).Text("text" + n, text).Timestamp("at" + n, decision.DecidedAt);
            rows.Add($"(@sha{n}, @text{n}, @at{n})");
        }

        if (rows.Count > 0)
        {
            await ExecuteAsync(connection, $"""
                    INSERT INTO decision_prompts (prompt_sha256, prompt_text, first_decided_at)
                    VALUES {string.Join(", ", rows)}
                    ON CONFLICT (prompt_sha256) DO NOTHING;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        }

        return keys;
    }

    /// <summary>
    /// Inserts a chunk of decisions with one multi-row INSERT (insert-if-absent on the key) and returns every key's
    /// id, marking the ones this statement created.
    /// </summary>
    private async Task<DecisionIds> InsertDecisionsAsync(
        DbConnection connection, DbTransaction transaction, IReadOnlyList<DecisionEntry> chunk, IReadOnlyDictionary<string, string> promptKeys,
        CancellationToken cancellationToken)
    {
        var parameters = Parameters();
        var rows = new List<string>(chunk.Count);
        for (var i = 0; i < chunk.Count; i++)
        {
            rows.Add(AddDecisionRow(parameters, chunk[i].Decision, chunk[i].Decision.PromptText is { } text ? promptKeys[text] : null, i));
        }

        var inserted = await QueryAsync(connection, $"""
                INSERT INTO decisions (decision_key, cycle_id, account_id, model_id, pair, decided_at, prompt_name, prompt_hash,
                                       raw_output, parsed_json, action, size_pct, confidence, stop_loss, take_profit, reasoning,
                                       parse_status, parse_error, latency_ms, input_tokens, output_tokens, cost_usd, prompt_sha256)
                VALUES {string.Join(",\n       ", rows)}
                ON CONFLICT (decision_key) DO NOTHING
                RETURNING id, decision_key;
                """, parameters, transaction, cancellationToken).ConfigureAwait(false);
        var ids = new DecisionIds();
        foreach (var row in inserted)
        {
            ids.Add(row.Text("decision_key"), row.Long("id"), created: true);
        }

        var missing = chunk.Select(entry => entry.Decision.DecisionKey).Where(key => !ids.Contains(key)).Distinct(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            var lookup = Parameters();
            var names = new List<string>(missing.Count);
            for (var i = 0; i < missing.Count; i++)
            {
                lookup.Text($"k{i}", missing[i]);
                names.Add($"@k{i}");
            }

            var existing = await QueryAsync(connection,
                    $"SELECT id, decision_key FROM decisions WHERE decision_key IN ({string.Join(", ", names)});", lookup, transaction, cancellationToken)
                .ConfigureAwait(false);
            foreach (var row in existing)
            {
                ids.Add(row.Text("decision_key"), row.Long("id"), created: false);
            }
        }

        return ids;
    }

    /// <summary>Adds one decision's parameters (suffixed with the row number) and returns its VALUES tuple.</summary>
    private string AddDecisionRow(SqlParameters parameters, DecisionRecord decision, string? promptKey, int row)
    {
        var n = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
        parameters
            .Text("decision_key" + n, decision.DecisionKey)
            .Text("cycle_id" + n, decision.CycleId)
            .Text("account_id" + n, decision.AccountId)
            .Text("model_id" + n, decision.ModelId)
            .Pair("pair" + n, decision.Pair)
            .Timestamp("decided_at" + n, decision.DecidedAt)
            .Text("prompt_name" + n, decision.PromptName)
            .Text("prompt_hash" + n, decision.PromptHash)
            .Text("raw_output" + n, decision.RawOutput)
            .Text("parsed_json" + n, decision.ParsedJson)
            .Enum("action" + n, decision.Action)
            .Decimal("size_pct" + n, decision.SizePct)
            .Double("confidence" + n, decision.Confidence)
            .Decimal("stop_loss" + n, decision.StopLoss)
            .Decimal("take_profit" + n, decision.TakeProfit)
            .Text("reasoning" + n, decision.Reasoning)
            .Enum("parse_status" + n, decision.ParseStatus)
            .Text("parse_error" + n, decision.ParseError)
            .Double("latency_ms" + n, decision.LatencyMs)
            .Long("input_tokens" + n, decision.InputTokens)
            .Long("output_tokens" + n, decision.OutputTokens)
            .Decimal("cost_usd" + n, decision.CostUsd)
            .Text("prompt_sha256" + n, promptKey);
        return $"(@decision_key{n}, @cycle_id{n}, @account_id{n}, @model_id{n}, @pair{n}, @decided_at{n}, @prompt_name{n}, " +
               $"@prompt_hash{n}, @raw_output{n}, {dialect.JsonValue("parsed_json" + n)}, @action{n}, @size_pct{n}, @confidence{n}, " +
               $"@stop_loss{n}, @take_profit{n}, @reasoning{n}, @parse_status{n}, @parse_error{n}, @latency_ms{n}, " +
               $"@input_tokens{n}, @output_tokens{n}, @cost_usd{n}, @prompt_sha256{n})";
    }

    private static DecisionRecord ReadDecision(JournalRow row) => new(
        row.Long("id"),
        row.Text("decision_key"),
        row.NullableText("cycle_id"),
        row.Text("account_id"),
        row.Text("model_id"),
        row.Pair("pair"),
        row.Timestamp("decided_at"),
        row.NullableText("prompt_name"),
        row.NullableText("prompt_hash"),
        row.NullableText("raw_output"),
        row.NullableText("parsed_json"),
        row.NullableEnum<Core.Agents.TradeAction>("action"),
        row.NullableDecimal("size_pct"),
        row.NullableDouble("confidence"),
        row.NullableDecimal("stop_loss"),
        row.NullableDecimal("take_profit"),
        row.NullableText("reasoning"),
        row.Enum<ParseStatus>("parse_status"),
        row.NullableText("parse_error"),
        row.Double("latency_ms"),
        row.Long("input_tokens"),
        row.Long("output_tokens"),
        row.Decimal("cost_usd"));

    private static RiskVerdictRecord ReadVerdict(JournalRow row) => new(
        row.Enum<Core.Agents.RiskOutcome>("outcome"),
        row.NullableText("rule"),
        row.Text("reason"),
        row.Decimal("approved_size_pct"),
        row.Decimal("approved_notional_usd"),
        row.Decimal("approved_volume"),
        row.Decimal("leverage"),
        row.NullableDecimal("stop_loss"),
        row.NullableDecimal("take_profit"));

    private static void Validate(DecisionRecord decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.Id != 0)
        {
            throw new ArgumentException($"DecisionRecord.Id is assigned by the journal: pass 0 (got {decision.Id}).", nameof(decision));
        }

        JournalInput.Text(decision.DecisionKey, "DecisionRecord.DecisionKey");
        if (decision.CycleId is not null)
        {
            JournalInput.Text(decision.CycleId, "DecisionRecord.CycleId");
        }

        JournalInput.Text(decision.AccountId, "DecisionRecord.AccountId");
        JournalInput.Text(decision.ModelId, "DecisionRecord.ModelId");
        JournalInput.Known(decision.Pair, "DecisionRecord.Pair");
        JournalInput.Utc(decision.DecidedAt, "DecisionRecord.DecidedAt");
        JournalInput.Json(decision.ParsedJson, "DecisionRecord.ParsedJson");
        JournalInput.Defined(decision.ParseStatus, "DecisionRecord.ParseStatus");
        JournalInput.Defined(decision.Action, "DecisionRecord.Action");
        if (decision.ParseStatus == ParseStatus.Ok && decision.Action is null)
        {
            throw new ArgumentException(
                $"DecisionRecord.Action is required when ParseStatus is Ok (decision '{decision.DecisionKey}').", nameof(decision));
        }

        JournalInput.Between(decision.SizePct, 0m, 100m, "DecisionRecord.SizePct");
        JournalInput.Between(decision.Confidence, 0d, 1d, "DecisionRecord.Confidence");
        JournalInput.Positive(decision.StopLoss, "DecisionRecord.StopLoss");
        JournalInput.Positive(decision.TakeProfit, "DecisionRecord.TakeProfit");
        JournalInput.NotNegative(decision.LatencyMs, "DecisionRecord.LatencyMs");
        JournalInput.NotNegative(decision.InputTokens, "DecisionRecord.InputTokens");
        JournalInput.NotNegative(decision.OutputTokens, "DecisionRecord.OutputTokens");
        JournalInput.NotNegative(decision.CostUsd, "DecisionRecord.CostUsd");
    }

    private static void Validate(RiskVerdictRecord verdict)
    {
        ArgumentNullException.ThrowIfNull(verdict);
        JournalInput.Defined(verdict.Outcome, "RiskVerdictRecord.Outcome");
        JournalInput.Text(verdict.Reason, "RiskVerdictRecord.Reason");
        JournalInput.NotNegative(verdict.ApprovedSizePct, "RiskVerdictRecord.ApprovedSizePct");
        JournalInput.NotNegative(verdict.ApprovedNotionalUsd, "RiskVerdictRecord.ApprovedNotionalUsd");
        JournalInput.NotNegative(verdict.ApprovedVolume, "RiskVerdictRecord.ApprovedVolume");
        JournalInput.NotNegative(verdict.Leverage, "RiskVerdictRecord.Leverage");
        JournalInput.Positive(verdict.StopLoss, "RiskVerdictRecord.StopLoss");
        JournalInput.Positive(verdict.TakeProfit, "RiskVerdictRecord.TakeProfit");
    }
}
