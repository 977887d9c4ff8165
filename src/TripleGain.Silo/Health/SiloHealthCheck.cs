using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;
using TripleGain.Grains.Heartbeat;

namespace TripleGain.Silo.Health;

/// <summary>"silo": a grain call to the cluster heartbeat answers in time; reports the silo and the cluster size.</summary>
internal sealed class SiloHealthCheck(IGrainFactory grains, ILocalSiloDetails silo, IClusterMembershipService membership)
    : IHealthCheck
{
    public const string Name = "silo";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var active = membership.CurrentSnapshot.Members.Values.Count(m => m.Status == SiloStatus.Active);
        var data = new Dictionary<string, object>
        {
            ["address"] = silo.SiloAddress.ToString(),
            ["clusterId"] = silo.ClusterId,
            ["activeSilos"] = active,
        };
        try
        {
            var status = await grains.GetGrain<IHeartbeatGrain>(IHeartbeatGrain.ClusterKey)
                .GetStatusAsync()
                .WaitAsync(Timeout, cancellationToken);
            data["heartbeatTicks"] = status.State.Ticks;
            if (status.State.LastTickAt is { } lastTick)
            {
                data["lastHeartbeatTick"] = lastTick;
            }

            return HealthCheckResult.Healthy($"silo {silo.SiloAddress} is active, {active} active silo(s)", data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"grain call failed: {ex.GetType().Name}: {ex.Message}", data: data);
        }
    }
}
