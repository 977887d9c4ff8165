using Orleans.Concurrency;

namespace TripleGain.Grains.Operator;

/// <summary>
/// The operator UI's change feed: one activation (key <see cref="OperatorFeed.Key"/>, "operator") keeps the subscribed
/// <see cref="IOperatorObserver"/>s and forwards every published <see cref="OperatorChange"/> to each of them.
/// <para>Subscriptions expire after <see cref="OperatorFeedGrain.SubscriptionExpiry"/> unless renewed: a subscriber
/// calls <see cref="SubscribeAsync"/> again well within that (which also re-creates the subscription when this grain
/// was re-activated elsewhere, e.g. after a silo failed). Nothing is persisted: a change published while nobody is
/// subscribed is dropped. Grains publish with <see cref="OperatorFeed.Publish"/> (one-way, never failing the caller).</para>
/// </summary>
[Alias("triplegain.IOperatorFeedGrain")]
public interface IOperatorFeedGrain : IGrainWithStringKey
{
    /// <summary>Subscribes <paramref name="observer"/>, or renews its subscription (idempotent).</summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IOperatorObserver observer);

    /// <summary>Ends <paramref name="observer"/>'s subscription (idempotent).</summary>
    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IOperatorObserver observer);

    /// <summary>Forwards <paramref name="change"/> to every subscriber. One-way: the publisher never waits or sees a failure.</summary>
    [OneWay, Alias("PublishAsync")]
    Task PublishAsync(OperatorChange change);

    /// <summary>How many subscriptions are current (not expired).</summary>
    [Alias("SubscribersAsync")]
    Task<int> SubscribersAsync();
}
