namespace TripleGain.Silo.Services.Auth;

/// <summary>What a sign-in attempt came to.</summary>
public enum SignInOutcome
{
    /// <summary>Name and password match.</summary>
    Succeeded = 1,

    /// <summary>The name is unknown or the password wrong (the two are not told apart).</summary>
    Failed = 2,

    /// <summary>Too many failed attempts for this name: refused without checking the password until the lock-out ends.</summary>
    LockedOut = 3,
}
