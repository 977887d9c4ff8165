using Microsoft.AspNetCore.Components.Authorization;

namespace TripleGain.Silo.Components.Shared;

/// <summary>Who an operator action is journalled as: the signed-in user's name from the cascading authentication state.</summary>
public static class SignedIn
{
    /// <summary>The signed-in user's name; empty without one (the desks then refuse the action).</summary>
    public static async Task<string> NameAsync(Task<AuthenticationState>? authentication) =>
        authentication is null ? string.Empty : (await authentication).User.Identity?.Name ?? string.Empty;
}
