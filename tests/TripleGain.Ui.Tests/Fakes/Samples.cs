using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Journal;
using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public static class Samples
{
    public static readonly DateTime Start = new(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc);

    public static DecisionRecord Decision(long id, string model = "baseline", Pair? pair = null, TradeAction? action = TradeAction.Buy,
        ParseStatus parse = ParseStatus.Ok, int minutes = 0, string? reasoning = null) =>
        new(id, $"c-{id}:{model}", $"paper-{id}", $"paper:{model}", model, pair ?? Pair.BtcUsdt, Start.AddMinutes(minutes),
            parse == ParseStatus.Ok ? null : "decision-v1", parse == ParseStatus.Ok ? null : "ab12", parse == ParseStatus.Ok ? null : "not json at all",
            null, parse == ParseStatus.Ok ? action : null, parse == ParseStatus.Ok ? 10m : null, parse == ParseStatus.Ok ? 0.7 : null, null, null,
            parse == ParseStatus.Ok ? reasoning ?? $"reason {id}" : null, parse, parse == ParseStatus.Ok ? null : "expected JSON object", 12.5, 0, 0, 0m);

    /// <summary><paramref name="count"/> decisions one minute apart, id i at minute i, alternating models and pairs.</summary>
    public static List<DecisionRecord> Decisions(int count) =>
        Enumerable.Range(1, count)
            .Select(i => Decision(i, i % 2 == 0 ? "baseline" : "buy-and-hold", i % 3 == 0 ? Pair.XrpUsdt : Pair.BtcUsdt,
                i % 4 == 0 ? TradeAction.Hold : TradeAction.Buy, minutes: i))
            .ToList();

    public static AccountSummary Account(string model, decimal start, decimal end) =>
        new($"paper:{model}", model, end, start, end - start, (double)((end - start) / start), 0.01m, Start.AddHours(2),
            [new EquityPoint(Start, start), new EquityPoint(Start.AddHours(1), (start + end) / 2), new EquityPoint(Start.AddHours(2), end)]);

    public static OverviewSnapshot Overview(params OperatorAlert[] alerts) => new(
        "paper",
        "simulated market, clock x60",
        "phase 2 paper trading",
        Start.AddHours(2),
        [Account("baseline", 1500m, 1530m), Account("buy-and-hold", 1500m, 1480m)],
        [new PairQuote(Pair.BtcUsdt, 64123.5m, 0.012, Start.AddHours(2)), new PairQuote(Pair.XrpUsdt, 0.5123m, -0.004, Start.AddHours(2))],
        new CycleView(Start.AddHours(2), 180, 42, false, true, TimeSpan.FromMinutes(1), "cycle paper-1 completed", null),
        alerts);
}
