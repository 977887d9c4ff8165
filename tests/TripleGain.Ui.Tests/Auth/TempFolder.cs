namespace TripleGain.Ui.Tests.Auth;

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("triplegain-ui-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
