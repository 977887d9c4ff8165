namespace TripleGain.EndToEnd.Tests.Support;

/// <summary>What the first sign-in with the printed one-time password showed, step by step.</summary>
public sealed record FirstRunObservation(
    string PrintedPassword,
    bool PasswordFileHeldIt,
    string AnonymousLandingUrl,
    bool MustChangeBannerShown,
    string DecisionsUrlBeforeChange,
    string UrlAfterChange,
    bool PasswordFileLeftAfterChange);
