using TripleGain.Core.Selection;
using TripleGain.Grains.Models;
using TripleGain.Tests.Shared;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>
/// The model switch's candidates as a test scripts them: synthetic paper records (a common market factor plus each
/// model's drift and seeded noise, fixed data) handed out for the models asked for.
/// </summary>
public sealed class ScriptedCandidates : IModelCandidateSource
{
    private volatile IReadOnlyList<ModelCandidate> _candidates = [];

    public IReadOnlyList<ModelCandidate> Current
    {
        get => _candidates;
        set => _candidates = value;
    }

    public Task<IReadOnlyList<ModelCandidate>> CandidatesAsync(IReadOnlyList<string> modelIds, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ModelCandidate>>([.. _candidates.Where(c => modelIds.Contains(c.ModelId))]);

    /// <summary>
    /// 90 days in which <paramref name="winner"/> clearly beats both benchmarks and <paramref name="other"/> (the selector
    /// names it with strong evidence); <paramref name="other"/> has no edge.
    /// </summary>
    public static IReadOnlyList<ModelCandidate> ClearWinner(string winner, string other)
    {
        var market = Candidates.Normals(90, 1).Select(z => 0.02 * z).ToArray();
        return
        [
            Candidate("buy-and-hold", [.. market], trades: 1, winRate: 1),
            Candidate("baseline", Candidates.Returns(market, 0.3, -0.001, 0.004, seed: 99), trades: 30, winRate: 0.5),
            Candidate(winner, Candidates.Returns(market, 0.5, 0.005, 0.003, seed: 2), trades: 40, winRate: 0.62),
            Candidate(other, Candidates.Returns(market, 0.5, 0.0, 0.003, seed: 3), trades: 40, winRate: 0.5),
        ];
    }

    /// <summary>Every candidate here runs perfectly (parse and uptime 1, latency p50 1 s and p95 2 s, no cost).</summary>
    private static ModelCandidate Candidate(string id, IReadOnlyList<double> returns, int trades, double winRate) =>
        Candidates.Candidate(id, returns, trades, winRate, parse: 1, uptime: 1, latencySeconds: 2, cost: 0m);
}
