using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace TripleGain.Silo.Hosting;

/// <summary>The silo host: ASP.NET Core with the Orleans silo co-hosted. Program.cs runs <see cref="RunAsync"/>.</summary>
public static class SiloHost
{
    /// <summary>Exit code when a configuration value is bad.</summary>
    public const int ConfigurationErrorExitCode = 2;

    /// <summary>Exit code when start-up fails for another reason (e.g. the database is unreachable).</summary>
    public const int StartFailureExitCode = 1;

    /// <summary>
    /// Builds the host from command-line arguments (<c>--urls</c>, <c>--data-dir</c>, <c>--Storage:Provider=...</c>),
    /// the environment and appsettings. Throws <see cref="SiloConfigurationException"/> for a bad value.
    /// </summary>
    /// <param name="args">Command-line arguments.</param>
    /// <param name="configure">Optional extra wiring (tests add configuration or loggers), applied first.</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var settings = SiloSettings.Read(builder.Configuration);
        builder.WebHost.UseUrls(settings.Urls);
        builder.AddTradingConfiguration(settings);
        builder.AddOrleansStorage(settings);
        builder.AddOrleansSilo(settings);
        builder.AddSiloHealthChecks();
        builder.AddOperatorAuthentication(settings);
        builder.AddOperatorUi();
        builder.AddOperatorDashboard();

        var app = builder.Build();
        app.UseOperatorAuthentication();
        app.MapSiloHealth();
        app.MapOperatorUi();
        app.MapOperatorDashboard();
        return app;
    }

    /// <summary>Starts the silo, prints its address and runs until shutdown (Ctrl+C, SIGTERM). Returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        WebApplication app;
        try
        {
            app = Build(args);
        }
        catch (SiloConfigurationException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return ConfigurationErrorExitCode;
        }

        await using (app)
        {
            try
            {
                await app.StartAsync(cancellationToken);
            }
            catch (SiloConfigurationException ex)
            {
                await error.WriteLineAsync(ex.Message);
                return ConfigurationErrorExitCode;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await error.WriteLineAsync($"TripleGain silo failed to start: {Describe(ex)}");
                return StartFailureExitCode;
            }

            var storage = app.Services.GetRequiredService<SiloSettings>().Storage;
            foreach (var address in Addresses(app))
            {
                await output.WriteLineAsync($"TripleGain silo is up at {address} (storage: {storage.Describe()})");
            }

            await app.AnnounceFirstRunAsync(output);

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return 0;
    }

    /// <summary>The addresses the started host listens on.</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var feature = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>();
        return feature?.Addresses.ToList() ?? [];
    }

    private static string Describe(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is not null && innermost is AggregateException or TypeInitializationException)
        {
            innermost = innermost.InnerException;
        }

        return $"{innermost.GetType().Name}: {innermost.Message}".ReplaceLineEndings(" ");
    }
}
