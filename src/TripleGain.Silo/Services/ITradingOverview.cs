namespace TripleGain.Silo.Services;

/// <summary>The overview page's data (<see cref="OverviewSnapshot"/>), read without side effects.</summary>
public interface ITradingOverview
{
    Task<OverviewSnapshot> ReadAsync(CancellationToken cancellationToken = default);
}
