using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using TripleGain.Silo.Components;
using TripleGain.Silo.Services;

namespace TripleGain.Silo.Hosting;

public static class UiHostingExtensions
{
    /// <summary>
    /// The operator UI: Blazor components with interactive server rendering, MudBlazor, and the facades the pages use
    /// (components never call grains directly): overview, decisions, models, stage, and the live updates the grains push (<see cref="LiveUpdates"/>).
    /// Static web assets (MudBlazor's CSS and JS) are served from the build output too, not only when published.
    /// </summary>
    public static WebApplicationBuilder AddOperatorUi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddSingleton<GateFigures>();
        services.AddSingleton<GateTicks>();
        services.AddSingleton<StageDesk>();
        services.AddSingleton<IStageDesk>(sp => sp.GetRequiredService<StageDesk>());
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<StageDesk>());
        services.AddSingleton<ApprovalDesk>();
        services.AddSingleton<IApprovalDesk>(sp => sp.GetRequiredService<ApprovalDesk>());
        services.AddSingleton<ILiveSource>(sp => sp.GetRequiredService<ApprovalDesk>());
        services.AddSingleton<ITradingOverview, TradingOverview>();
        services.AddSingleton<IDecisionFeed, DecisionFeed>();
        services.AddSingleton<IModelComparison, ModelComparison>();
        services.TryAddSingleton(LiveUpdatesSettings.Default);
        services.AddSingleton<LiveUpdates>();
        services.AddSingleton<ILiveUpdates>(sp => sp.GetRequiredService<LiveUpdates>());
        services.AddHostedService(sp => sp.GetRequiredService<LiveUpdates>());
        return builder;
    }

    /// <summary>Maps the static assets (anonymous; when the build's manifest is there), the Razor components (behind sign-in, except /signin) and POST /signout.</summary>
    public static WebApplication MapOperatorUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // The manifest is named after this assembly, also when another one hosts the silo (in-process tests).
        var manifest = Path.Combine(AppContext.BaseDirectory, "TripleGain.Silo.staticwebassets.endpoints.json");
        if (File.Exists(manifest))
        {
            app.MapStaticAssets(manifest).AllowAnonymous();
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapOperatorSignOut();
        return app;
    }
}
