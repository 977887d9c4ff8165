using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;
using TripleGain.Core.Selection;

namespace TripleGain.Tests.Shared;

/// <summary>Synthetic paper accounts: a common market factor plus each model's own drift and noise.</summary>
internal static class Candidates
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Standard normal draws (Box-Muller) from a seeded System.Random: fixed test data.</summary>
    public static double[] Normals(int count, int seed)
    {
        var random = new Random(seed);
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            values[i] = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return values;
    }

    /// <summary>returns[t] = beta x market[t] + drift + noise x N(0, 1) with its own seed.</summary>
    public static double[] Returns(double[] market, double beta, double drift, double noise, int seed)
    {
        var own = Normals(market.Length, seed);
        return [.. market.Select((m, t) => beta * m + drift + noise * own[t])];
    }

    /// <summary>
    /// A candidate whose paper account starts with 1000 at <see cref="Start"/> and closes day t at 23:00 with
    /// returns[t]; <paramref name="trades"/> closed trades of which <paramref name="winRate"/> win.
    /// </summary>
    public static ModelCandidate Candidate(
        string id,
        IReadOnlyList<double> returns,
        int trades = 40,
        double winRate = 0.55,
        double? parse = 0.995,
        double? uptime = 0.999,
        double latencySeconds = 3,
        decimal cost = 5m,
        int firstDay = 0)
    {
        var start = Start.AddDays(firstDay);
        var equity = new List<EquityPoint> { new(start, 1000m) };
        var value = 1000m;
        for (var t = 0; t < returns.Count; t++)
        {
            value *= 1 + (decimal)returns[t];
            equity.Add(new EquityPoint(start.AddDays(t).AddHours(23), value));
        }

        var wins = (int)Math.Round(trades * winRate);
        var closed = Enumerable.Range(0, trades)
            .Select(i => new ClosedTrade(
                Pair.BtcUsdt,
                PositionSide.Long,
                start.AddHours(i),
                start.AddHours(i + 1),
                100m,
                i < wins ? 102m : 99m,
                0.1m,
                i < wins ? 0.2m : -0.1m,
                0.01m))
            .ToArray();

        return new ModelCandidate
        {
            ModelId = id,
            DailyReturns = EquityCurve.DailyReturns(equity),
            Performance = PerformanceReport.Compute(equity, closed),
            Uptime = uptime,
            LatencyP50 = TimeSpan.FromSeconds(latencySeconds / 2),
            LatencyP95 = TimeSpan.FromSeconds(latencySeconds),
            ParseSuccessRate = parse,
            CostUsd = cost,
        };
    }

    /// <summary>The two benchmarks: buy-and-hold follows the market; the baseline a damped market with a small drift.</summary>
    public static ModelCandidate[] Benchmarks(double[] market, double buyAndHoldDrift = 0, double baselineDrift = -0.001) =>
    [
        Candidate("buy-and-hold", [.. market.Select(m => m + buyAndHoldDrift)], trades: 1, winRate: 1, parse: 1, uptime: 1, latencySeconds: 0, cost: 0),
        Candidate("baseline", Returns(market, 0.3, baselineDrift, 0.004, seed: 99), trades: 30, winRate: 0.5, parse: 1, uptime: 1, latencySeconds: 0, cost: 0),
    ];
}
