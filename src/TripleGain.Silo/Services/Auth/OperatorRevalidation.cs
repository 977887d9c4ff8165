using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Logging;

namespace TripleGain.Silo.Services.Auth;

/// <summary>
/// Re-checks the signed-in operator of an open page (a Blazor circuit) every minute: when the operator is gone or the
/// password changed (the cookie's stamp no longer matches), the circuit is signed out and the page sends to /signin.
/// </summary>
public sealed class OperatorRevalidation(ILoggerFactory loggerFactory, OperatorDirectory directory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authenticationState);
        return Task.FromResult(OperatorPrincipal.IsCurrent(authenticationState.User, directory));
    }
}
