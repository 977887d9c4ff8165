using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using TripleGain.Silo.Hosting;

namespace TripleGain.Silo.Tests.Support;

/// <summary>The real silo host (<see cref="SiloHost.Build"/>) started in this process on free loopback ports.</summary>
public sealed class RunningSilo : IAsyncDisposable
{
    private bool stopped;

    private RunningSilo(WebApplication app, Uri address, LogCapture logs)
    {
        App = app;
        Address = address;
        Logs = logs;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public LogCapture Logs { get; }

    public IGrainFactory Grains => App.Services.GetRequiredService<IGrainFactory>();

    public string SiloAddress => App.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    public IClusterMembershipService Membership => App.Services.GetRequiredService<IClusterMembershipService>();

    /// <summary>Arguments for a silo on free ports; add storage arguments.</summary>
    public static List<string> Arguments(string dataDirectory, int? siloPort = null, int? gatewayPort = null) =>
    [
        "--urls", $"http://127.0.0.1:{FreePort.Next()}",
        "--data-dir", dataDirectory,
        $"--Orleans:SiloPort={siloPort ?? FreePort.Next()}",
        $"--Orleans:GatewayPort={gatewayPort ?? FreePort.Next()}",
    ];

    /// <summary>Starts the host; <paramref name="configure"/> adds wiring before the silo's own (e.g. a test's services).</summary>
    public static async Task<RunningSilo> StartAsync(IEnumerable<string> arguments, CancellationToken cancellationToken, Action<WebApplicationBuilder>? configure = null)
    {
        var args = arguments.ToArray();
        var logs = new LogCapture();
        var app = SiloHost.Build(args, builder =>
        {
            configure?.Invoke(builder);
            builder.Logging.ClearProviders();
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddProvider(logs);
        });
        await app.StartAsync(cancellationToken);
        var address = new Uri(SiloHost.Addresses(app).Single());
        return new RunningSilo(app, address, logs);
    }

    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await App.StopAsync(TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await App.DisposeAsync();
    }
}
