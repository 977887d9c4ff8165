namespace TripleGain.Silo.Services.Auth;

/// <summary>The result of <see cref="OperatorDirectory.ChangePassword"/>: the updated account, or why the change was refused.</summary>
public sealed record PasswordChange(OperatorAccount? Account, string? Error)
{
    public bool Succeeded => Account is not null && Error is null;
}
