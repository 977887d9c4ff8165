namespace TripleGain.Silo.Services;

/// <summary>What an operator's action (promote, tick, stop, resume, approve, reject) came to, in one sentence for the page.</summary>
public sealed record DeskResult(bool Succeeded, string Message)
{
    public static DeskResult Done(string message) => new(true, message);

    public static DeskResult Refused(string message) => new(false, message);
}
