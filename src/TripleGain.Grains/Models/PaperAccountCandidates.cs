using TripleGain.Core.Metrics;
using TripleGain.Core.Selection;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Grains.Models;

/// <summary>
/// The candidates of the paper comparison, from the store every silo shares: for each model, its paper account
/// ("paper:&lt;model&gt;") equity snapshots (journal) give the performance report with the round trips its portfolio
/// grain replays from its fills; its model grain gives uptime, latency, parse success and cost. Used by the /models page
/// and by the automatic model switch, so both judge the same figures.
/// </summary>
public sealed class PaperAccountCandidates(IGrainFactory grains, IDecisionJournal journal) : IModelCandidateSource
{
    public async Task<IReadOnlyList<ModelCandidate>> CandidatesAsync(IReadOnlyList<string> modelIds, CancellationToken cancellationToken = default) =>
        [.. (await EvidenceAsync(modelIds, cancellationToken)).Select(e => e.Candidate).OfType<ModelCandidate>()];

    /// <summary>The evidence of each of <paramref name="modelIds"/>, in that order (duplicates once).</summary>
    public async Task<IReadOnlyList<ModelEvidence>> EvidenceAsync(IReadOnlyList<string> modelIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(modelIds);
        var evidence = new List<ModelEvidence>();
        foreach (var model in modelIds.Distinct(StringComparer.Ordinal))
        {
            var account = AccountIds.Paper(model);
            var stats = await grains.GetGrain<IModelGrain>(model).GetStatsAsync();
            var (points, report) = await AccountPerformance.ReadAsync(grains, journal, account, null, 1, cancellationToken);
            var candidate = report is null ? null : new ModelCandidate
            {
                ModelId = model,
                DailyReturns = EquityCurve.DailyReturns(points),
                Performance = report,
                Uptime = stats.Uptime,
                LatencyP50 = stats.LatencyP50Ms is { } p50 ? TimeSpan.FromMilliseconds(p50) : null,
                LatencyP95 = stats.LatencyP95Ms is { } p95 ? TimeSpan.FromMilliseconds(p95) : null,
                ParseSuccessRate = stats.ParseSuccessRate,
                CostUsd = stats.CostUsd,
            };
            evidence.Add(new ModelEvidence(model, stats, report, candidate));
        }

        return evidence;
    }
}
