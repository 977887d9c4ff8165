namespace TripleGain.Silo.Services;

/// <summary>
/// Something the UI shows that can change apart from the cycle (approvals, the stage): a token that differs after every
/// change. Only <see cref="LiveUpdates"/>' slow safety re-check reads it; the changes themselves are pushed by the grains.
/// </summary>
public interface ILiveSource
{
    ValueTask<string> ReadTokenAsync(CancellationToken cancellationToken);
}
