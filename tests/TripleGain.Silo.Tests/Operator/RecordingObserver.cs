using System.Threading.Channels;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Services;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>
/// Records operator changes as they arrive, from a feed subscription (as an <see cref="IOperatorObserver"/>) or from
/// <see cref="ILiveUpdates.Changed"/> (<see cref="Follow"/>), and waits for the one a test expects.
/// </summary>
internal sealed class RecordingObserver : IOperatorObserver
{
    /// <summary>How long a test waits for a pushed change before failing (a bound, not a timing assertion).</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly Channel<OperatorChange?> _arrived = Channel.CreateUnbounded<OperatorChange?>();
    private readonly List<OperatorChange?> _seen = [];

    public IReadOnlyList<OperatorChange?> Seen
    {
        get
        {
            lock (_seen)
            {
                return [.. _seen];
            }
        }
    }

    public static RecordingObserver Follow(ILiveUpdates live)
    {
        ArgumentNullException.ThrowIfNull(live);
        var recorder = new RecordingObserver();
        live.Changed += (_, e) => recorder.Add((e as LiveChangeEventArgs)?.Change);
        return recorder;
    }

    public Task ChangedAsync(OperatorChange change)
    {
        Add(change);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Waits until a change of <paramref name="kind"/> about <paramref name="subject"/> has arrived (one-way
    /// notifications may arrive in any order; earlier arrivals count); fails after <see cref="Patience"/>.
    /// </summary>
    public Task<OperatorChange> WaitForAsync(OperatorChangeKind kind, string subject) =>
        WaitForAsync(c => c.Kind == kind && c.Subject == subject, $"{kind} for '{subject}'", Patience);

    /// <summary>Waits until a change matching <paramref name="match"/> has arrived; fails after <paramref name="patience"/>.</summary>
    public async Task<OperatorChange> WaitForAsync(Func<OperatorChange, bool> match, string what, TimeSpan patience)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(patience);
        try
        {
            while (true)
            {
                if (Seen.FirstOrDefault(c => c is { } s && match(s)) is { } found)
                {
                    return found;
                }

                await _arrived.Reader.ReadAsync(timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No {what} arrived within {patience}; seen: {string.Join(", ", Seen.Select(s => s is null ? "(re-check)" : $"{s.Kind} {s.Subject}"))}");
        }
    }

    private void Add(OperatorChange? change)
    {
        lock (_seen)
        {
            _seen.Add(change);
        }

        _arrived.Writer.TryWrite(change);
    }
}
