using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TripleGain.Grains.Cycle;
using TripleGain.Silo.Health;

namespace TripleGain.Silo.Hosting;

public static class HealthHostingExtensions
{
    public const string HealthPath = "/health";

    /// <summary>
    /// Registers the health checks "silo" (a grain call answers), "storage" (a query on the storage database) and
    /// "cycle" (what the cycle last reported to the <see cref="CycleHealth"/> singleton).
    /// </summary>
    public static WebApplicationBuilder AddSiloHealthChecks(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton<CycleHealth>();
        builder.Services.AddHealthChecks()
            .AddCheck<SiloHealthCheck>(SiloHealthCheck.Name)
            .AddCheck<StorageHealthCheck>(StorageHealthCheck.Name)
            .AddCheck<CycleHealthCheck>(CycleHealthCheck.Name);
        return builder;
    }

    /// <summary>Maps <see cref="HealthPath"/>: anonymous, JSON, 200 when healthy or degraded, 503 when unhealthy.</summary>
    public static IEndpointConventionBuilder MapSiloHealth(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync })
            .AllowAnonymous();
    }
}
