using TripleGain.Core.Agents;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;

namespace TripleGain.Journal.Tests.Store;

/// <summary>Journal rows with every field set to a value that shows whether it survived the round trip.</summary>
internal static class Samples
{
    /// <summary>2025-03-04 05:06:07.123456 UTC: a microsecond-precise time.</summary>
    public static readonly DateTime T0 = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(1_234_560);

    public static DecisionRecord Decision(
        string key = "cycle-1:claude:BTC/USDT",
        string? cycleId = null,
        string account = "paper:claude",
        string model = "claude-sonnet-4-5",
        Pair? pair = null,
        DateTime? at = null,
        TradeAction? action = TradeAction.Buy,
        ParseStatus parseStatus = ParseStatus.Ok) =>
        new(
            Id: 0,
            DecisionKey: key,
            CycleId: cycleId,
            AccountId: account,
            ModelId: model,
            Pair: pair ?? Pair.BtcUsdt,
            DecidedAt: at ?? T0,
            PromptName: "trading/decision",
            PromptHash: "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
            RawOutput: "```json\n{\"action\": \"buy\", \"size_pct\": 12.5000}\n```\nBecause RSI é 31 — ünïcödé ✓",
            ParsedJson: "{\"action\": \"buy\",  \"size_pct\": 12.5000, \"nested\": {\"b\": 1, \"a\": [1, 2]}}",
            Action: parseStatus == ParseStatus.Ok ? action : null,
            SizePct: parseStatus == ParseStatus.Ok ? 12.5000m : null,
            Confidence: parseStatus == ParseStatus.Ok ? 0.7312345678901234 : null,
            StopLoss: parseStatus == ParseStatus.Ok ? 64999.123456789m : null,
            TakeProfit: parseStatus == ParseStatus.Ok ? 71000.00000001m : null,
            Reasoning: parseStatus == ParseStatus.Ok ? "Oversold on 1h, trend up on 4h." : null,
            ParseStatus: parseStatus,
            ParseError: parseStatus == ParseStatus.Ok ? null : "expected 'action' at line 1",
            LatencyMs: 1234.5678,
            InputTokens: 3_456_789_012L,
            OutputTokens: 210,
            CostUsd: 0.000123456789012345m);

    public static RiskVerdictRecord Verdict(RiskOutcome outcome = RiskOutcome.Resized) =>
        new(outcome, "max_single_order_usd", "Order of 1,250.00 USD above 1,000.00 USD: resized.", 10.00m, 1000.00m, 0.01538461m, 1m, 64999.12m, null);

    public static OrderRecord Order(
        string clientOrderId = "tg-1-claude-BTCUSDT",
        long? decisionId = null,
        string account = "paper:claude",
        DateTime? at = null) =>
        new(
            clientOrderId, decisionId, account, Pair.BtcUsdt, OrderSide.Buy, OrderType.Limit,
            Volume: 0.01538461m, Price: 65000.1m, Leverage: 1m, OrderRecordStatus.Pending, ExchangeOrderId: null,
            CreatedAt: at ?? T0, UpdatedAt: at ?? T0);

    public static FillRecord Fill(string fillId = "TXID-1", string clientOrderId = "tg-1-claude-BTCUSDT", decimal volume = 0.00538461m) =>
        new(fillId, clientOrderId, Price: 64999.9m, Volume: volume, Fee: 0.139999784538m, Asset.USDT, FillLiquidity.Maker, T0.AddSeconds(3));
}
