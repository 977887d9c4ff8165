using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace TripleGain.Grains.Operator;

/// <inheritdoc cref="IOperatorFeedGrain"/>
/// <remarks>
/// Orleans' <see cref="ObserverManager{TObserver}"/> keeps the subscriptions with their expiry; an observer whose
/// notification throws is dropped (a one-way notification to a dead observer does not throw: it expires instead).
/// </remarks>
[GrainType("operator-feed")]
public sealed class OperatorFeedGrain : Grain, IOperatorFeedGrain
{
    /// <summary>How long a subscription lasts without being renewed.</summary>
    public static readonly TimeSpan SubscriptionExpiry = TimeSpan.FromMinutes(2);

    private readonly ObserverManager<IOperatorObserver> _observers;
    private readonly ILogger<OperatorFeedGrain> _logger;

    public OperatorFeedGrain(ILogger<OperatorFeedGrain> logger)
    {
        _logger = logger;
        _observers = new ObserverManager<IOperatorObserver>(SubscriptionExpiry, logger);
    }

    public Task SubscribeAsync(IOperatorObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task UnsubscribeAsync(IOperatorObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task PublishAsync(OperatorChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        _observers.ClearExpired();
        _logger.LogDebug("Operator feed: {Kind} {Subject} to {Count} subscriber(s)", change.Kind, change.Subject, _observers.Count);
        _observers.Notify(observer => observer.ChangedAsync(change));
        return Task.CompletedTask;
    }

    public Task<int> SubscribersAsync()
    {
        _observers.ClearExpired();
        return Task.FromResult(_observers.Count);
    }
}
