using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Operator;

namespace TripleGain.Silo.Services;

/// <summary>
/// The live-update source of the UI, one per silo process (not per page). The grains push: the cycle, the approval
/// queues, the stage grains and the emergency stop publish every change to the operator feed grain
/// (<see cref="IOperatorFeedGrain"/>, one activation in the cluster), which forwards it to this service's
/// <see cref="IOperatorObserver"/> reference; each notification raises <see cref="Changed"/> at once (with a
/// <see cref="LiveChangeEventArgs"/>), so the open pages reload without polling. With two silos each one subscribes
/// and both are notified, wherever the feed grain lives.
/// <para>Healing only, not the mechanism: every <see cref="LiveUpdatesSettings.ResubscribePeriod"/> (30 s) the
/// subscription is renewed, which re-creates it when the feed grain was re-activated (its silo failed or stopped), and
/// every <see cref="LiveUpdatesSettings.SafetyCheckPeriod"/> (30 s), and after a failed subscription, a slow safety
/// re-check compares the cycle's status and the <see cref="ILiveSource"/> tokens with the last ones and raises
/// <see cref="Changed"/> when something moved without a notification (lost while no subscription stood).</para>
/// </summary>
public sealed partial class LiveUpdates(
    IGrainFactory grains,
    TradingConfig config,
    IEnumerable<ILiveSource> sources,
    LiveUpdatesSettings settings,
    ILogger<LiveUpdates> logger) : BackgroundService, ILiveUpdates
{
    private static readonly TimeSpan UnsubscribeTimeout = TimeSpan.FromSeconds(3);

    private readonly SemaphoreSlim _checking = new(1, 1);
    private long version;
    private string? lastToken;
    private Observer? observer;
    private IOperatorObserver? reference;

    public event EventHandler? Changed;

    public long Version => Interlocked.Read(ref version);

    /// <summary>
    /// Subscribes this silo's observer to the feed (creating the observer reference on first use) or renews the
    /// subscription. Throws when the feed cannot be reached; the background loop retries.
    /// </summary>
    public async Task SubscribeAsync()
    {
        if (reference is null)
        {
            observer = new Observer(this);
            reference = grains.CreateObjectReference<IOperatorObserver>(observer);
        }

        await grains.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key).SubscribeAsync(reference);
    }

    /// <summary>Ends the subscription (best effort, a few seconds at most) and releases the observer reference.</summary>
    public async Task UnsubscribeAsync()
    {
        if (reference is not { } current)
        {
            return;
        }

        try
        {
            await grains.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key).UnsubscribeAsync(current).WaitAsync(UnsubscribeTimeout);
        }
#pragma warning disable CA1031 // the subscription expires on its own when the feed cannot be reached
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogUnsubscribeFailed(logger, ex.GetType().Name, ex.Message);
        }

        grains.DeleteObjectReference<IOperatorObserver>(current);
        reference = null;
        observer = null;
    }

    /// <summary>
    /// The safety re-check: reads the cycle's status and every source's token once and raises <see cref="Changed"/>
    /// when the combined token differs from the last one (the first read only records it).
    /// </summary>
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        await _checking.WaitAsync(cancellationToken);
        try
        {
            var status = await grains.GetGrain<ICycleGrain>(CycleKeys.For(config.Mode)).GetStatusAsync();
            var parts = new List<string>
            {
                status.State.CyclesRun.ToString(CultureInfo.InvariantCulture),
                status.State.CompletedCycle.ToString(CultureInfo.InvariantCulture),
                status.Running ? "running" : "idle",
            };
            foreach (var source in sources)
            {
                parts.Add(await source.ReadTokenAsync(cancellationToken));
            }

            var token = string.Join('|', parts);
            var first = lastToken is null;
            if (token != lastToken)
            {
                lastToken = token;
                if (!first)
                {
                    LogHealed(logger);
                    Raise(null);
                }
            }
        }
        finally
        {
            _checking.Release();
        }
    }

    public override void Dispose()
    {
        _checking.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCheck = long.MinValue;
        var healthy = false;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await SubscribeAsync();
                    var due = Environment.TickCount64 - lastCheck >= (long)settings.SafetyCheckPeriod.TotalMilliseconds;
                    if (!healthy || due)
                    {
                        // After a gap in the subscription (or at the start) and then slowly: heal what was missed.
                        await CheckAsync(stoppingToken);
                        lastCheck = Environment.TickCount64;
                    }

                    healthy = true;
                }
#pragma warning disable CA1031 // a failed subscription or check (silo starting, feed moving) is retried soon
                catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    healthy = false;
                    LogSubscribeFailed(logger, ex.GetType().Name, ex.Message);
                }

                await Task.Delay(healthy ? settings.ResubscribePeriod : settings.RetryPeriod, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await UnsubscribeAsync();
        }
    }

    private void Raise(OperatorChange? change)
    {
        Interlocked.Increment(ref version);
        if (Changed is not { } handlers)
        {
            return;
        }

        var args = new LiveChangeEventArgs(change);
        foreach (var handler in handlers.GetInvocationList().Cast<EventHandler>())
        {
            try
            {
                handler(this, args);
            }
#pragma warning disable CA1031 // one page's failing handler must not keep the change from the others
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogHandlerFailed(logger, ex.GetType().Name, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live updates: subscribing to the operator feed failed ({Type}: {Message}); retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, string type, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live updates: unsubscribing from the operator feed failed ({Type}: {Message}); the subscription expires on its own")]
    private static partial void LogUnsubscribeFailed(ILogger logger, string type, string message);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Live updates: the safety re-check found a change no notification announced")]
    private static partial void LogHealed(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live updates: a page's change handler failed ({Type}: {Message})")]
    private static partial void LogHandlerFailed(ILogger logger, string type, string message);

    /// <summary>The object behind the observer reference; Orleans holds it weakly, so the service keeps it.</summary>
    private sealed class Observer(LiveUpdates owner) : IOperatorObserver
    {
        public Task ChangedAsync(OperatorChange change)
        {
            owner.Raise(change);
            return Task.CompletedTask;
        }
    }
}
