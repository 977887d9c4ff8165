using Orleans.Concurrency;

namespace TripleGain.Grains.Operator;

/// <summary>
/// The receiving end of <see cref="IOperatorFeedGrain"/>: each silo's live-update service implements it and subscribes
/// the reference it creates with <c>IGrainFactory.CreateObjectReference</c>.
/// </summary>
[Alias("triplegain.IOperatorObserver")]
public interface IOperatorObserver : IGrainObserver
{
    /// <summary>One-way: the feed never waits for an observer, and a slow or dead one never slows the feed.</summary>
    [OneWay, Alias("ChangedAsync")]
    Task ChangedAsync(OperatorChange change);
}
