using TripleGain.Core.Market;
using TripleGain.Journal;
using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

/// <summary>A decision feed whose page reads wait for <see cref="Release"/> while <see cref="Blocking"/> is set.</summary>
public sealed class BlockingDecisionFeed(IDecisionFeed inner) : IDecisionFeed
{
    private TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Blocking { get; set; }

    public IReadOnlyList<string> Models => inner.Models;

    public IReadOnlyList<Pair> Pairs => inner.Pairs;

    public void Release()
    {
        Blocking = false;
        gate.TrySetResult();
        gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public async Task<DecisionPage> PageAsync(DecisionFilter filter, DecisionPageRequest request, CancellationToken cancellationToken = default)
    {
        if (Blocking)
        {
            await gate.Task;
        }

        return await inner.PageAsync(filter, request, cancellationToken);
    }

    public Task<long> CountAsync(DecisionFilter filter, CancellationToken cancellationToken = default) => inner.CountAsync(filter, cancellationToken);

    public Task<DecisionDetail?> DetailAsync(long decisionId, CancellationToken cancellationToken = default) => inner.DetailAsync(decisionId, cancellationToken);
}
