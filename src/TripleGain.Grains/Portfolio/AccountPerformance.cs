using TripleGain.Core.Metrics;
using TripleGain.Journal;

namespace TripleGain.Grains.Portfolio;

/// <summary>
/// An account's performance from the store every silo shares: its journalled equity snapshots (positive equity only)
/// and the round trips its portfolio grain replays from its fills that closed within them.
/// </summary>
public static class AccountPerformance
{
    /// <summary>
    /// The account's equity points from <paramref name="from"/> on (all when null) and, when there are at least
    /// <paramref name="minimumPoints"/>, their performance report; null otherwise.
    /// </summary>
    public static async Task<(IReadOnlyList<EquityPoint> Points, PerformanceReport? Report)> ReadAsync(
        IGrainFactory grains,
        IDecisionJournal journal,
        string accountId,
        DateTime? from,
        int minimumPoints,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(journal);
        var curve = await journal.EquityCurveAsync(accountId, from, null, cancellationToken);
        var points = curve.Where(s => s.Equity > 0).Select(s => new EquityPoint(s.TakenAt, s.Equity)).ToList();
        if (points.Count == 0 || points.Count < minimumPoints)
        {
            return (points, null);
        }

        var closed = await grains.GetGrain<IPortfolioGrain>(accountId).ClosedTradesAsync();
        return (points, PerformanceReport.Compute(points, [.. closed.Where(t => t.ExitTime >= points[0].Timestamp && t.ExitTime <= points[^1].Timestamp)]));
    }
}
