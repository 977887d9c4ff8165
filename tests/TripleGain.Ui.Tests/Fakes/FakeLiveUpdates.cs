using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public sealed class FakeLiveUpdates : ILiveUpdates
{
    public event EventHandler? Changed;

    public long Version { get; private set; }

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    public void Raise()
    {
        Version++;
        Changed?.Invoke(this, EventArgs.Empty);
    }
}
