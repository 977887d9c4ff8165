using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Orleans.Dashboard;
using TripleGain.Silo.Services.Auth;

namespace TripleGain.Silo.Hosting;

public static class DashboardHostingExtensions
{
    public const string DashboardPath = "/dashboard";

    /// <summary>The official Orleans dashboard (Microsoft.Orleans.Dashboard) on this silo, with the live log stream off (HideTrace).</summary>
    public static WebApplicationBuilder AddOperatorDashboard(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseOrleans(silo => silo.AddDashboard(options => options.HideTrace = true));
        return builder;
    }

    /// <summary>Maps the dashboard under <see cref="DashboardPath"/>, behind the operators' sign-in.</summary>
    public static IEndpointConventionBuilder MapOperatorDashboard(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.MapOrleansDashboard(DashboardPath).RequireAuthorization(AuthPolicies.Operator);
    }
}
