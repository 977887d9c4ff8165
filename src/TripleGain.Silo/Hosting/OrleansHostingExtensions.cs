using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using TripleGain.Grains;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Heartbeat;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Registers the storage settings and the start-up step that applies the Orleans SQL scripts before the silo starts.
    /// </summary>
    public static WebApplicationBuilder AddOrleansStorage(this WebApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(settings.Storage);
        builder.Services.AddHostedService<OrleansSchemaInstaller>();
        return builder;
    }

    /// <summary>
    /// Co-hosts the Orleans silo. SQLite: localhost clustering, ADO.NET grain state and reminders in the data folder's
    /// file. PostgreSQL: ADO.NET clustering (silos with the same cluster id join), grain state and reminders.
    /// </summary>
    public static WebApplicationBuilder AddOrleansSilo(this WebApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var storage = settings.Storage;
        var cluster = settings.Cluster;
        builder.UseOrleans(silo =>
        {
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                silo.UseAdoNetClustering(options =>
                {
                    options.Invariant = storage.AdoNetInvariant;
                    options.ConnectionString = storage.ConnectionString;
                });
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = cluster.ClusterId;
                    options.ServiceId = cluster.ServiceId;
                });
                silo.ConfigureEndpoints(cluster.AdvertisedAddress, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: false);
            }
            else
            {
                silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
            }

            if (cluster.ProbeTimeout is not null || cluster.MissedProbesLimit is not null)
            {
                silo.Configure<ClusterMembershipOptions>(options =>
                {
                    if (cluster.ProbeTimeout is { } probeTimeout)
                    {
                        options.ProbeTimeout = probeTimeout;
                    }

                    if (cluster.MissedProbesLimit is { } missedProbes)
                    {
                        options.NumMissedProbesLimit = missedProbes;
                    }
                });
            }

            silo.AddAdoNetGrainStorage(StorageNames.Grains, options =>
            {
                options.Invariant = storage.AdoNetInvariant;
                options.ConnectionString = storage.ConnectionString;
            });
            silo.UseAdoNetReminderService(options =>
            {
                options.Invariant = storage.AdoNetInvariant;
                options.ConnectionString = storage.ConnectionString;
            });
            silo.AddTripleGainGrainServices();

            // Every silo (re)registers the cluster heartbeat: idempotent, and it proves reminders work after each start.
            silo.AddStartupTask(static (services, _) => services.GetRequiredService<IGrainFactory>()
                .GetGrain<IHeartbeatGrain>(IHeartbeatGrain.ClusterKey)
                .StartAsync(IHeartbeatGrain.MinimumPeriod));

            // The trading cycle: its reminder survives restarts and moves with the grain; starting it is idempotent.
            silo.AddStartupTask(static (services, _) => services.GetRequiredService<IGrainFactory>()
                .GetGrain<ICycleGrain>(CycleKeys.For(services.GetRequiredService<TradingConfig>().Mode))
                .StartAsync());
        });

        // Re-activates the cycle on a live silo soon after the silo that hosted it died (see CycleKeeper).
        builder.Services.AddHostedService<CycleKeeper>();
        return builder;
    }
}
