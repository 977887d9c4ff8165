namespace TripleGain.Silo.Services.Auth;

/// <summary>
/// A person who may sign in to the operator UI: the name, the password hash (ASP.NET Core Identity's PBKDF2 format,
/// as printed by <c>triplegain hash-password</c>), whether the password must be changed at the next sign-in, and where
/// the account is kept (configuration is read-only; the data folder's operators.json is written by the UI).
/// </summary>
public sealed record OperatorAccount(string Name, string PasswordHash, bool MustChangePassword, OperatorSource Source);
