using TripleGain.Grains.Cycle;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Tests.Support;

/// <summary>What a silo left in its databases: the journal's rows, the grain states and the market clock's anchor.</summary>
public sealed record StoreSnapshot(
    IReadOnlyList<JournalCycle> Cycles,
    IReadOnlyList<string> DecisionKeys,
    IReadOnlyList<JournalOrder> Orders,
    IReadOnlyList<JournalFill> Fills,
    IReadOnlyDictionary<string, PortfolioState> Portfolios,
    CycleGrainState? Cycle,
    MarketClockAnchor? Anchor,
    IReadOnlyDictionary<string, IReadOnlyList<EquitySnapshotRecord>> Equity)
{
    public IEnumerable<JournalCycle> Succeeded => Cycles.Where(c => c.Status == "succeeded");

    public long LastCycleNumber => Cycles.Count == 0 ? 0 : Cycles.Max(c => c.Number);

    public string Describe() =>
        $"{Cycles.Count} cycles ({Succeeded.Count()} succeeded, {Cycles.Count(c => c.Status == "running")} running), {DecisionKeys.Count} decisions, " +
        $"{Orders.Count} orders ({Orders.Count(o => o.Status == "pending")} pending), {Fills.Count} fills, {Equity.Values.Sum(e => e.Count)} equity snapshots, " +
        $"accounts: {string.Join(", ", Portfolios.Select(p => $"{p.Key} ({p.Value.Fills.Count} fills, {p.Value.Exchange?.Orders.Count ?? 0} orders)"))}";
}
