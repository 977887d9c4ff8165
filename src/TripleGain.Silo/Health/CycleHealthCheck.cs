using Microsoft.Extensions.Diagnostics.HealthChecks;
using TripleGain.Core.Configuration;
using TripleGain.Grains;
using TripleGain.Grains.Cycle;

namespace TripleGain.Silo.Health;

/// <summary>
/// The cycle's health from its last self-report: healthy while cycles complete on time, degraded ("stalled") when the
/// last report is older than three expected periods, unhealthy when the last cycle failed. A silo that does not host
/// the cycle grain reports "not started" and stays healthy (in a cluster one silo runs the cycle).
/// </summary>
internal sealed class CycleHealthCheck(CycleHealth cycle, TradingConfig config, MarketClock clock, TimeProvider time) : IHealthCheck
{
    public const string Name = "cycle";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var report = cycle.Current;
        var data = new Dictionary<string, object> { ["state"] = report.State.ToString() };
        var expected = ExpectedPeriod();
        data["expectedPeriodSeconds"] = expected.TotalSeconds;
        if (report.At is { } at)
        {
            data["at"] = at;
        }

        var stalled = report.State == CycleState.Stalled
            || (report.State == CycleState.Running && report.At is { } last && time.GetUtcNow() - last > 3 * expected + TimeSpan.FromSeconds(30));
        var result = report.State switch
        {
            _ when stalled => HealthCheckResult.Degraded($"stalled: {report.Description}", data: data),
            CycleState.NotStarted or CycleState.Running => HealthCheckResult.Healthy(report.Description, data),
            _ => HealthCheckResult.Unhealthy(report.Description, data: data),
        };
        return Task.FromResult(result);
    }

    /// <summary>The real time between ticks: the reminder (at least a minute) or the grain timer of a faster market clock.</summary>
    private TimeSpan ExpectedPeriod()
    {
        var reminder = config.Cycle.Interval < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : config.Cycle.Interval;
        return clock.Speed > 1 ? clock.ToReal(config.Cycle.Interval) : reminder;
    }
}
