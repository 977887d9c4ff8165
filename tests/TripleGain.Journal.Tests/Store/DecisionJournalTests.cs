using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>Decisions, verdicts and the decision queries, on each provider.</summary>
public abstract class DecisionJournalTests(IJournalDatabases databases) : JournalTestBase(databases)
{
    [Fact]
    public async Task RecordDecisionAsync_EveryField_RoundTripsExactly()
    {
        var journal = await NewJournalAsync();
        await journal.BeginCycleAsync("cycle-1", "paper:claude", Samples.T0, Cancel);
        var decision = Samples.Decision(cycleId: "cycle-1");
        var verdict = Samples.Verdict();

        var recorded = await journal.RecordDecisionAsync(decision, verdict, Cancel);
        var detail = await journal.GetDecisionAsync(recorded.Value, Cancel);

        recorded.AlreadyExisted.ShouldBeFalse();
        detail.ShouldNotBeNull();
        detail.Decision.ShouldBe(decision with { Id = recorded.Value });
        detail.Decision.DecidedAt.Kind.ShouldBe(DateTimeKind.Utc);
        detail.Decision.DecidedAt.Ticks.ShouldBe(Samples.T0.Ticks);
        detail.Decision.CostUsd.ShouldBe(0.000123456789012345m);
        detail.Decision.StopLoss.ShouldBe(64999.123456789m);
        detail.Decision.Confidence.ShouldBe(0.7312345678901234);
        detail.Decision.InputTokens.ShouldBe(3_456_789_012L);
        detail.Decision.ParsedJson.ShouldBe(decision.ParsedJson);
        detail.Decision.RawOutput.ShouldBe(decision.RawOutput);
        detail.Verdict.ShouldBe(verdict);
        detail.Orders.ShouldBeEmpty();
    }

    [Fact]
    public async Task RecordDecisionsAsync_ThreePairsFromOnePrompt_DetailReadsThePromptStoredOnce()
    {
        var database = await Databases.CreateMigratedAsync();
        var journal = new SqlDecisionJournal(database);
        const string prompt = "SYSTEM\nYou are a trading agent. Answer in JSON.\n\nUSER\nBTC/USDT close 64000.5 RSI(14) 55.2 — ünïcode kept";
        Pair[] pairs = [Pair.BtcUsdt, Pair.XrpUsdt, Pair.XrpBtc];
        var entries = pairs.Select(p => new DecisionEntry(Samples.Decision(key: $"cycle-1:claude:{p.Symbol}", pair: p) with { PromptText = prompt }, null)).ToList();

        var recorded = await journal.RecordDecisionsAsync(entries, Cancel);
        var again = await journal.RecordDecisionAsync(Samples.Decision(key: "cycle-2:claude:BTC/USDT") with { PromptText = prompt }, null, Cancel);

        foreach (var id in recorded.Select(r => r.Value).Append(again.Value))
        {
            (await journal.GetDecisionAsync(id, Cancel))!.Decision.PromptText.ShouldBe(prompt);
        }

        await using var connection = await database.OpenRawAsync();
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM decision_prompts;")).ShouldBe(1);
        (await Dapper.SqlMapper.ExecuteScalarAsync<string>(connection, "SELECT prompt_sha256 FROM decision_prompts;"))
            .ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(prompt))));
    }

    [Fact]
    public async Task QueryDecisionsAsync_DecisionWithPrompt_ListLeavesThePromptForTheDetail()
    {
        var journal = await NewJournalAsync();
        var id = (await journal.RecordDecisionAsync(Samples.Decision() with { PromptText = "a long prompt" }, null, Cancel)).Value;

        var page = await journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(10), Cancel);

        page.Items.ShouldHaveSingleItem().PromptText.ShouldBeNull();
        (await journal.GetDecisionAsync(id, Cancel))!.Decision.PromptText.ShouldBe("a long prompt");
    }

    [Fact]
    public async Task RecordDecisionAsync_RuleBasedDecision_HasNoPromptAndStoresNone()
    {
        var database = await Databases.CreateMigratedAsync();
        var journal = new SqlDecisionJournal(database);

        var id = (await journal.RecordDecisionAsync(Samples.Decision(), null, Cancel)).Value;

        (await journal.GetDecisionAsync(id, Cancel))!.Decision.PromptText.ShouldBeNull();
        await using var connection = await database.OpenRawAsync();
        (await Dapper.SqlMapper.ExecuteScalarAsync<long>(connection, "SELECT COUNT(*) FROM decision_prompts;")).ShouldBe(0);
    }

    [Fact]
    public async Task RecordDecisionAsync_DecimalScale_IsKept()
    {
        var journal = await NewJournalAsync();

        var id = (await journal.RecordDecisionAsync(Samples.Decision() with { SizePct = 12.5000m }, null, Cancel)).Value;
        var stored = (await journal.GetDecisionAsync(id, Cancel))!.Decision;

        stored.SizePct!.Value.Scale.ShouldBe((byte)4);
        stored.SizePct.Value.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("12.5000");
    }

    [Fact]
    public async Task RecordDecisionAsync_FailedParse_StoresNullDecisionColumnsAndTheError()
    {
        var journal = await NewJournalAsync();
        var failed = Samples.Decision(parseStatus: ParseStatus.Failed) with { ParsedJson = null };

        var id = (await journal.RecordDecisionAsync(failed, null, Cancel)).Value;
        var stored = (await journal.GetDecisionAsync(id, Cancel))!;

        stored.Decision.ShouldBe(failed with { Id = id });
        stored.Decision.Action.ShouldBeNull();
        stored.Decision.ParseError.ShouldBe("expected 'action' at line 1");
        stored.Verdict.ShouldBeNull();
    }

    [Fact]
    public async Task RecordDecisionAsync_SameKeyTwice_KeepsTheFirstAndReportsItExisted()
    {
        var journal = await NewJournalAsync();
        var first = await journal.RecordDecisionAsync(Samples.Decision(), null, Cancel);

        var second = await journal.RecordDecisionAsync(Samples.Decision() with { Reasoning = "a retry after a crash" }, Samples.Verdict(), Cancel);

        second.ShouldBe(new Recorded<long>(first.Value, AlreadyExisted: true));
        var stored = (await journal.GetDecisionAsync(first.Value, Cancel))!;
        stored.Decision.Reasoning.ShouldBe("Oversold on 1h, trend up on 4h.");
        stored.Verdict.ShouldBe(Samples.Verdict());
        (await journal.CountDecisionsAsync(DecisionFilter.All, Cancel)).ShouldBe(1);
    }

    [Fact]
    public async Task RecordDecisionAsync_TimestampFinerThanMicroseconds_IsTruncatedToTheMicrosecond()
    {
        var journal = await NewJournalAsync();
        var at = Samples.T0.AddTicks(7);

        var id = (await journal.RecordDecisionAsync(Samples.Decision(at: at), null, Cancel)).Value;

        (await journal.GetDecisionAsync(id, Cancel))!.Decision.DecidedAt.ShouldBe(Samples.T0);
    }

    [Fact]
    public async Task RecordDecisionsAsync_Batch_ReturnsIdsInOrderAndTreatsRepeatsAsExisting()
    {
        var journal = await NewJournalAsync();
        var entries = new[]
        {
            new DecisionEntry(Samples.Decision(key: "k1"), Samples.Verdict()),
            new DecisionEntry(Samples.Decision(key: "k2", pair: Pair.XrpUsdt)),
            new DecisionEntry(Samples.Decision(key: "k1")),
        };

        var results = await journal.RecordDecisionsAsync(entries, Cancel);

        results.Count.ShouldBe(3);
        results[0].AlreadyExisted.ShouldBeFalse();
        results[1].AlreadyExisted.ShouldBeFalse();
        results[1].Value.ShouldBeGreaterThan(results[0].Value);
        results[2].ShouldBe(new Recorded<long>(results[0].Value, AlreadyExisted: true));
        (await journal.GetDecisionAsync(results[1].Value, Cancel))!.Decision.Pair.ShouldBe(Pair.XrpUsdt);
    }

    [Fact]
    public async Task RecordDecisionsAsync_OneBadEntry_ThrowsAndWritesNone()
    {
        var journal = await NewJournalAsync();
        var entries = new[]
        {
            new DecisionEntry(Samples.Decision(key: "good")),
            new DecisionEntry(Samples.Decision(key: "bad") with { Confidence = 1.5 }),
        };

        var error = await Should.ThrowAsync<ArgumentException>(() => journal.RecordDecisionsAsync(entries, Cancel));

        error.Message.ShouldContain("DecisionRecord.Confidence");
        error.Message.ShouldContain("1.5");
        (await journal.CountDecisionsAsync(DecisionFilter.All, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordDecisionsAsync_UnknownCycleInTheBatch_ThrowsAndRollsBackTheEarlierEntries()
    {
        var journal = await NewJournalAsync();
        var entries = new[]
        {
            new DecisionEntry(Samples.Decision(key: "first")),
            new DecisionEntry(Samples.Decision(key: "second", cycleId: "no-such-cycle")),
        };

        var error = await Should.ThrowAsync<KeyNotFoundException>(() => journal.RecordDecisionsAsync(entries, Cancel));

        error.Message.ShouldContain("no-such-cycle");
        (await journal.CountDecisionsAsync(DecisionFilter.All, Cancel)).ShouldBe(0);
    }

    public static TheoryData<string, string> BadDecisions => new()
    {
        { "local-time", "DecisionRecord.DecidedAt must be UTC" },
        { "unspecified-time", "DecisionRecord.DecidedAt must be UTC" },
        { "ok-without-action", "DecisionRecord.Action is required" },
        { "bad-json", "DecisionRecord.ParsedJson must be valid JSON" },
        { "empty-model", "DecisionRecord.ModelId must not be empty" },
        { "size-over-100", "DecisionRecord.SizePct must be between 0 and 100 (got 100.01)" },
        { "negative-cost", "DecisionRecord.CostUsd must not be negative (got -0.01)" },
        { "negative-tokens", "DecisionRecord.OutputTokens must not be negative" },
        { "nan-latency", "DecisionRecord.LatencyMs must be a finite number" },
        { "default-pair", "DecisionRecord.Pair must be one of" },
        { "preset-id", "DecisionRecord.Id is assigned by the journal" },
    };

    [Theory]
    [MemberData(nameof(BadDecisions))]
    public async Task RecordDecisionAsync_BadInput_ThrowsNamingTheFieldAndWritesNothing(string kind, string message)
    {
        var journal = await NewJournalAsync();
        var good = Samples.Decision();
        var bad = kind switch
        {
            "local-time" => good with { DecidedAt = DateTime.SpecifyKind(Samples.T0, DateTimeKind.Local) },
            "unspecified-time" => good with { DecidedAt = DateTime.SpecifyKind(Samples.T0, DateTimeKind.Unspecified) },
            "ok-without-action" => good with { Action = null },
            "bad-json" => good with { ParsedJson = "{\"action\": buy}" },
            "empty-model" => good with { ModelId = " " },
            "size-over-100" => good with { SizePct = 100.01m },
            "negative-cost" => good with { CostUsd = -0.01m },
            "negative-tokens" => good with { OutputTokens = -1 },
            "nan-latency" => good with { LatencyMs = double.NaN },
            "default-pair" => good with { Pair = default },
            "preset-id" => good with { Id = 7 },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var error = await Should.ThrowAsync<ArgumentException>(() => journal.RecordDecisionAsync(bad, null, Cancel));

        error.Message.ShouldContain(message);
        (await journal.CountDecisionsAsync(DecisionFilter.All, Cancel)).ShouldBe(0);
    }

    [Fact]
    public async Task RecordVerdictAsync_DecisionWithoutVerdict_AddsItAndASecondOneIsIgnored()
    {
        var journal = await NewJournalAsync();
        var id = (await journal.RecordDecisionAsync(Samples.Decision(), null, Cancel)).Value;
        var rejected = Samples.Verdict(RiskOutcome.Rejected) with { ApprovedSizePct = 0m, ApprovedNotionalUsd = 0m, ApprovedVolume = 0m, StopLoss = null };

        var first = await journal.RecordVerdictAsync(id, rejected, Cancel);
        var second = await journal.RecordVerdictAsync(id, Samples.Verdict(), Cancel);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        (await journal.GetDecisionAsync(id, Cancel))!.Verdict.ShouldBe(rejected);
    }

    [Fact]
    public async Task RecordVerdictAsync_UnknownDecision_ThrowsKeyNotFound()
    {
        var journal = await NewJournalAsync();

        var error = await Should.ThrowAsync<KeyNotFoundException>(() => journal.RecordVerdictAsync(404, Samples.Verdict(), Cancel));

        error.Message.ShouldContain("Decision 404");
    }

    [Fact]
    public async Task FromTradeDecision_RuleBasedDecision_RoundTrips()
    {
        var journal = await NewJournalAsync();
        var trade = new TradeDecision("baseline", Pair.XrpBtc, TradeAction.Sell, 5m, 0.6, 0.00001234m, null, "EMA cross down", Samples.T0);
        var record = DecisionRecord.FromTradeDecision("c1:baseline:XRP/BTC", null, "paper:baseline", trade, 0.25);

        var id = (await journal.RecordDecisionAsync(record, RiskVerdictRecord.FromVerdict(
            new RiskVerdict(trade, RiskOutcome.Approved, 5m, 50m, 123.45m, 1m, 0.00001234m, null, null, "within limits")), Cancel)).Value;
        var stored = (await journal.GetDecisionAsync(id, Cancel))!;

        stored.Decision.ShouldBe(record with { Id = id });
        stored.Decision.PromptHash.ShouldBeNull();
        stored.Verdict!.Outcome.ShouldBe(RiskOutcome.Approved);
        stored.Verdict.Rule.ShouldBeNull();
        stored.Verdict.ApprovedVolume.ShouldBe(123.45m);
    }

    [Fact]
    public async Task GetDecisionAsync_UnknownId_ReturnsNull()
    {
        var journal = await NewJournalAsync();

        (await journal.GetDecisionAsync(12345, Cancel)).ShouldBeNull();
    }

    [Fact]
    public async Task QueryDecisionsAsync_EachFilter_ReturnsExactlyTheMatchingRowsNewestFirst()
    {
        var journal = await NewJournalAsync();
        var models = new[] { "baseline", "buy-and-hold", "claude" };
        var entries = new List<DecisionEntry>();
        for (var i = 0; i < 60; i++)
        {
            var parse = i % 7 == 0 ? ParseStatus.Failed : ParseStatus.Ok;
            var action = (TradeAction)(i % 4);
            entries.Add(new DecisionEntry(Samples.Decision(
                key: $"k{i}", account: $"paper:{models[i % 3]}", model: models[i % 3], pair: Pair.All[i % 3 == 0 ? 0 : (i / 3) % 3],
                at: Samples.T0.AddMinutes(i / 2), action: action, parseStatus: parse) with { ParsedJson = null }));
        }

        var ids = (await journal.RecordDecisionsAsync(entries, Cancel)).Select(r => r.Value).ToList();
        var all = entries.Select((e, i) => e.Decision with { Id = ids[i], DecidedAt = e.Decision.DecidedAt }).ToList();

        async Task Check(DecisionFilter filter, Func<DecisionRecord, bool> predicate)
        {
            var expected = all.Where(predicate).OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id).ToList();
            var page = await journal.QueryDecisionsAsync(filter, DecisionPageRequest.Newest(1000), Cancel);
            page.Items.ShouldBe(expected, $"filter {filter}");
            (await journal.CountDecisionsAsync(filter, Cancel)).ShouldBe(expected.Count, $"count of {filter}");
            expected.Count.ShouldBeGreaterThan(0, $"filter {filter} should match something");
            page.Older.ShouldBeNull();
            page.Newer.ShouldBeNull();
        }

        await Check(DecisionFilter.All, _ => true);
        await Check(new DecisionFilter(ModelId: "claude"), d => d.ModelId == "claude");
        await Check(new DecisionFilter(AccountId: "paper:baseline"), d => d.AccountId == "paper:baseline");
        await Check(new DecisionFilter(Pair: Pair.XrpBtc), d => d.Pair == Pair.XrpBtc);
        await Check(new DecisionFilter(Action: TradeAction.Sell), d => d.Action == TradeAction.Sell);
        await Check(new DecisionFilter(ParseStatus: ParseStatus.Failed), d => d.ParseStatus == ParseStatus.Failed);
        await Check(new DecisionFilter(From: Samples.T0.AddMinutes(10), To: Samples.T0.AddMinutes(20)),
            d => d.DecidedAt >= Samples.T0.AddMinutes(10) && d.DecidedAt < Samples.T0.AddMinutes(20));
        await Check(new DecisionFilter(ModelId: "buy-and-hold", Pair: Pair.XrpUsdt, ParseStatus: ParseStatus.Ok),
            d => d.ModelId == "buy-and-hold" && d.Pair == Pair.XrpUsdt && d.ParseStatus == ParseStatus.Ok);
    }

    [Fact]
    public async Task QueryDecisionsAsync_TwentyThousandDecisions_KeysetPagesCoverEveryRowInOrder()
    {
        var journal = await NewJournalAsync();
        const int total = 20_000;
        var ids = new List<long>(total);
        for (var start = 0; start < total; start += 2_000)
        {
            var batch = Enumerable.Range(start, 2_000).Select(i => new DecisionEntry(Samples.Decision(
                key: $"d{i}", model: i % 5 == 0 ? "claude" : "baseline", pair: Pair.All[i % 3],
                at: Samples.T0.AddSeconds(i / 3).AddTicks(i % 3 == 0 ? 0 : 10)) with { ParsedJson = null, RawOutput = null })).ToList();
            ids.AddRange((await journal.RecordDecisionsAsync(batch, Cancel)).Select(r => r.Value));
        }

        // Expected order: newest first, ties on the timestamp broken by id.
        var expected = Enumerable.Range(0, total)
            .Select(i => (Index: i, Id: ids[i], At: Samples.T0.AddSeconds(i / 3).AddTicks(i % 3 == 0 ? 0 : 10)))
            .OrderByDescending(x => x.At).ThenByDescending(x => x.Id).ToList();

        // Walk down by keyset, 1000 rows a page.
        var walked = new List<long>();
        DecisionCursor? older = null;
        var pages = 0;
        do
        {
            var page = await journal.QueryDecisionsAsync(DecisionFilter.All, new DecisionPageRequest(1000, OlderThan: older), Cancel);
            walked.AddRange(page.Items.Select(d => d.Id));
            (page.Newer is not null).ShouldBe(pages > 0);
            older = page.Older;
            pages++;
        }
        while (older is not null);

        pages.ShouldBe(20);
        walked.ShouldBe(expected.Select(x => x.Id));

        // The last page, straight away.
        var last = await journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Oldest(100), Cancel);
        last.Items.Select(d => d.Id).ShouldBe(expected.TakeLast(100).Select(x => x.Id));
        last.Older.ShouldBeNull();
        last.Newer.ShouldNotBeNull();
        last.Items[^1].DecisionKey.ShouldBe("d0");

        // And the page above it, by its Newer cursor.
        var above = await journal.QueryDecisionsAsync(DecisionFilter.All, new DecisionPageRequest(100, NewerThan: last.Newer), Cancel);
        above.Items.Select(d => d.Id).ShouldBe(expected.SkipLast(100).TakeLast(100).Select(x => x.Id));
        above.Older.ShouldBe(DecisionCursor.Of(above.Items[^1]));

        // A filtered last page.
        var claudeLast = await journal.QueryDecisionsAsync(new DecisionFilter(ModelId: "claude", Pair: Pair.XrpUsdt), DecisionPageRequest.Oldest(50), Cancel);
        claudeLast.Items.Select(d => d.Id).ShouldBe(expected.Where(x => x.Index % 5 == 0 && x.Index % 3 == 1).TakeLast(50).Select(x => x.Id));
        (await journal.CountDecisionsAsync(new DecisionFilter(ModelId: "claude"), Cancel)).ShouldBe(total / 5);
    }

    [Fact]
    public async Task QueryDecisionsAsync_BadPageRequest_Throws()
    {
        var journal = await NewJournalAsync();

        (await Should.ThrowAsync<ArgumentException>(() => journal.QueryDecisionsAsync(DecisionFilter.All, new DecisionPageRequest(0), Cancel)))
            .Message.ShouldContain("page.Limit must be between 1 and 1000 (got 0)");
        (await Should.ThrowAsync<ArgumentException>(() => journal.QueryDecisionsAsync(DecisionFilter.All,
                new DecisionPageRequest(10, DecisionCursor.Beginning, DecisionCursor.Beginning), Cancel)))
            .Message.ShouldContain("not both");
    }

    [Fact]
    public async Task QueryDecisionsAsync_EmptyJournal_ReturnsAnEmptyPage()
    {
        var journal = await NewJournalAsync();

        var page = await journal.QueryDecisionsAsync(DecisionFilter.All, DecisionPageRequest.Newest(), Cancel);

        page.ShouldBe(new DecisionPage(page.Items, null, null));
        page.Items.ShouldBeEmpty();
    }
}
