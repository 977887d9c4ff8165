using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public sealed class FakeTradingOverview(OverviewSnapshot snapshot) : ITradingOverview
{
    public OverviewSnapshot Snapshot { get; set; } = snapshot;

    public int Reads { get; private set; }

    public Task<OverviewSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(Snapshot);
    }
}
