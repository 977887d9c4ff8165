namespace TripleGain.Silo.Services.Auth;

/// <summary>Where an operator account is kept.</summary>
public enum OperatorSource
{
    /// <summary>Configuration (<c>Auth:Operators:N:Name</c> / <c>PasswordHash</c>): read-only, change it there.</summary>
    Configuration = 1,

    /// <summary>The data folder's operators.json (the first-run operator and passwords changed in the UI).</summary>
    DataFolder = 2,
}
