namespace TripleGain.Silo.Services.Auth;

/// <summary>Authorization policy names of the operator UI.</summary>
public static class AuthPolicies
{
    /// <summary>A signed-in operator who has no pending password change: every page, the dashboard and every action (the default and fallback policy).</summary>
    public const string Operator = "operator";

    /// <summary>Any signed-in operator, also one who must change the password first: the change-password page and sign-out.</summary>
    public const string SignedIn = "signed-in";
}
