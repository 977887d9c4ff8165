using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;
using TripleGain.Core.Configuration;
using TripleGain.Grains;
using TripleGain.Grains.Cycle;
using TripleGain.Silo.Health;

namespace TripleGain.Silo.Tests.Health;

public sealed class CycleHealthCheckTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly CycleHealth _health = new();

    private async Task<HealthCheckResult> CheckAsync(double speed = 1) =>
        await new CycleHealthCheck(_health, TradingConfig.PaperDefault, new MarketClock(_time, speed), _time)
            .CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

    [Fact]
    public async Task CheckHealthAsync_NotStarted_IsHealthy() =>
        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);

    [Fact]
    public async Task CheckHealthAsync_RecentCycle_IsHealthy()
    {
        _health.Report(new CycleReport(CycleState.Running, "cycle paper-1 completed", _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(2));

        (await CheckAsync()).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CheckHealthAsync_NoCycleForThreePeriods_IsDegradedAsStalled()
    {
        _health.Report(new CycleReport(CycleState.Running, "cycle paper-1 completed", _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(4));

        var result = await CheckAsync();

        result.Status.ShouldBe(HealthStatus.Degraded);
        result.Description!.ShouldStartWith("stalled:");
    }

    [Fact]
    public async Task CheckHealthAsync_AcceleratedClock_ExpectsTheFasterPeriod()
    {
        _health.Report(new CycleReport(CycleState.Running, "cycle paper-1 completed", _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(40));

        (await CheckAsync(speed: 60)).Status.ShouldBe(HealthStatus.Degraded);
        (await CheckAsync(speed: 1)).Status.ShouldBe(HealthStatus.Healthy);
    }

    [Fact]
    public async Task CheckHealthAsync_FailedCycle_IsUnhealthy()
    {
        _health.Report(new CycleReport(CycleState.Failed, "cycle paper-1 failed: boom", _time.GetUtcNow()));

        (await CheckAsync()).Status.ShouldBe(HealthStatus.Unhealthy);
    }
}
