using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace TripleGain.Silo.Services.Auth;

/// <summary>The claims of a signed-in operator: the name, the password stamp and, until changed, the must-change flag.</summary>
public static class OperatorPrincipal
{
    public const string StampClaim = "triplegain:stamp";
    public const string MustChangePasswordClaim = "triplegain:must-change-password";

    public static ClaimsPrincipal Create(OperatorAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, account.Name),
            new(StampClaim, OperatorDirectory.Stamp(account)),
        };
        if (account.MustChangePassword)
        {
            claims.Add(new Claim(MustChangePasswordClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public static bool MustChangePassword(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.HasClaim(c => c.Type == MustChangePasswordClaim);
    }

    /// <summary>Whether the cookie's principal still matches a known operator with the same password.</summary>
    public static bool IsCurrent(ClaimsPrincipal user, OperatorDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(directory);
        var account = directory.Find(user.Identity?.Name);
        return account is not null
            && user.FindFirst(StampClaim)?.Value == OperatorDirectory.Stamp(account)
            && account.MustChangePassword == MustChangePassword(user);
    }
}
