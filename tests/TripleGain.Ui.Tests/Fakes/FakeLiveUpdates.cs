using TripleGain.Grains.Operator;
using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public sealed class FakeLiveUpdates : ILiveUpdates
{
    public event EventHandler? Changed;

    public long Version { get; private set; }

    public int Subscribers => Changed?.GetInvocationList().Length ?? 0;

    /// <summary>A change found by the safety re-check: its kind is unknown.</summary>
    public void Raise()
    {
        Version++;
        Changed?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>A change a grain announced.</summary>
    public void Raise(OperatorChangeKind kind, string subject = "paper:baseline")
    {
        Version++;
        Changed?.Invoke(this, new LiveChangeEventArgs(new OperatorChange(kind, subject)));
    }
}
