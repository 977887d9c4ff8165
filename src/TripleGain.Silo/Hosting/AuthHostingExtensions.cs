using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TripleGain.Silo.Services.Auth;

namespace TripleGain.Silo.Hosting;

public static class AuthHostingExtensions
{
    public const string SignInPath = "/signin";
    public const string ChangePasswordPath = "/signin/change-password";
    public const string SignOutPath = "/signout";
    public const string CookieName = ".TripleGain.Operator";

    /// <summary>
    /// Operator sign-in: the operators (<see cref="AuthSettings"/>, the first-run operator), cookie authentication
    /// (HttpOnly, SameSite=Strict, sliding <see cref="AuthSettings.SessionLifetime"/>, invalid as soon as the password
    /// changes), authorization with a fallback policy so that every endpoint needs a signed-in operator unless it allows
    /// anonymous access (/signin, /health, static assets), antiforgery, and data-protection keys kept in the data folder so
    /// that sign-ins survive a restart.
    /// </summary>
    public static WebApplicationBuilder AddOperatorAuthentication(this WebApplicationBuilder builder, SiloSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        var auth = AuthSettings.Read(builder.Configuration, settings.Storage.DataDirectory);
        var services = builder.Services;
        services.AddSingleton(auth);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OperatorDirectory>();
        services.AddHostedService<FirstRunOperator>();

        services.AddDataProtection()
            .SetApplicationName("TripleGain")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.Storage.DataDirectory, "keys")));

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = CookieName;
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = SignInPath;
                options.AccessDeniedPath = ChangePasswordPath;
                options.ReturnUrlParameter = "returnUrl";
                options.ExpireTimeSpan = auth.SessionLifetime;
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = async context =>
                {
                    var directory = context.HttpContext.RequestServices.GetRequiredService<OperatorDirectory>();
                    if (context.Principal is null || !OperatorPrincipal.IsCurrent(context.Principal, directory))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                    }
                };
            });

        services.AddAuthorizationBuilder()
            .AddPolicy(AuthPolicies.SignedIn, policy => policy.RequireAuthenticatedUser())
            .AddPolicy(AuthPolicies.Operator, policy => OperatorPolicy(policy))
            .SetDefaultPolicy(OperatorPolicy(new AuthorizationPolicyBuilder()).Build())
            .SetFallbackPolicy(OperatorPolicy(new AuthorizationPolicyBuilder()).Build());
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, OperatorRevalidation>();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".TripleGain.Antiforgery";
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        return builder;
    }

    /// <summary>Authentication, authorization and antiforgery, in that order (after routing, before the endpoints).</summary>
    public static WebApplication UseOperatorAuthentication(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        return app;
    }

    /// <summary>POST /signout (antiforgery-checked form post): ends the sign-in and goes back to /signin.</summary>
    public static IEndpointConventionBuilder MapOperatorSignOut(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        // Binding the form makes the endpoint antiforgery-checked: a post without the form's token gets 400.
        return endpoints.MapPost(SignOutPath, async (HttpContext context, IFormCollection form) =>
        {
            _ = form;
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect(SignInPath);
        }).RequireAuthorization(AuthPolicies.SignedIn);
    }

    /// <summary>
    /// Prints the first-run sign-in (user and one-time password) once, at the first start; never logged. Later starts
    /// print nothing.
    /// </summary>
    public static async Task AnnounceFirstRunAsync(this WebApplication app, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(output);
        var directory = app.Services.GetRequiredService<OperatorDirectory>();
        if (directory.TakeFirstRunAnnouncement() is { } password)
        {
            await output.WriteLineAsync($"First sign-in: open {SignInPath} at the address above as user '{OperatorDirectory.FirstRunName}' with the one-time password {password}");
            await output.WriteLineAsync($"  (it is also in {directory.FirstRunPasswordFile} until you change it; you will be asked for a new password at once)");
        }
    }

    private static AuthorizationPolicyBuilder OperatorPolicy(AuthorizationPolicyBuilder policy) =>
        policy.RequireAuthenticatedUser().RequireAssertion(context => !OperatorPrincipal.MustChangePassword(context.User));
}
