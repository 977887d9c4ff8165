namespace TripleGain.Silo.Services.Auth;

/// <summary>The result of <see cref="OperatorDirectory.SignInAsync"/>: the outcome, the account when it succeeded, and until when a locked name stays locked.</summary>
public sealed record SignInAttempt(SignInOutcome Outcome, OperatorAccount? Account, DateTimeOffset? LockedUntil);
