using TripleGain.Grains.Operator;
using TripleGain.Silo.Tests.Grains;

namespace TripleGain.Silo.Tests.Operator;

/// <summary>The operator feed grain forwards published changes to its subscribers (client-side observers here).</summary>
[Collection(GrainClusterCollection.Name)]
public sealed class OperatorFeedTests(GrainClusterFixture fixture)
{
    private IClusterClient Client => fixture.Cluster.Client;

    private IOperatorFeedGrain Feed => Client.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key);

    [Fact]
    public async Task PublishAsync_SubscribedObserver_ReceivesTheChange()
    {
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<IOperatorObserver>(observer);
        await Feed.SubscribeAsync(reference);
        try
        {
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.ApprovalQueued, "paper:feed-one"));

            var change = await observer.WaitForAsync(OperatorChangeKind.ApprovalQueued, "paper:feed-one");
            change.ShouldBe(new OperatorChange(OperatorChangeKind.ApprovalQueued, "paper:feed-one"));
        }
        finally
        {
            await Feed.UnsubscribeAsync(reference);
            Client.DeleteObjectReference<IOperatorObserver>(reference);
        }
    }

    [Fact]
    public async Task PublishAsync_AfterUnsubscribe_OnlyTheStillSubscribedObserverReceives()
    {
        var staying = new RecordingObserver();
        var leaving = new RecordingObserver();
        var stayingRef = Client.CreateObjectReference<IOperatorObserver>(staying);
        var leavingRef = Client.CreateObjectReference<IOperatorObserver>(leaving);
        var before = await Feed.SubscribersAsync();
        await Feed.SubscribeAsync(stayingRef);
        await Feed.SubscribeAsync(leavingRef);
        try
        {
            await Feed.UnsubscribeAsync(leavingRef);
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.StageChanged, "paper:feed-first"));
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.StageChanged, "paper:feed-second"));

            await staying.WaitForAsync(OperatorChangeKind.StageChanged, "paper:feed-first");
            await staying.WaitForAsync(OperatorChangeKind.StageChanged, "paper:feed-second");
            (await Feed.SubscribersAsync()).ShouldBe(before + 1);
            // both notifications were sent to this process before the second arrived: the leaving one got neither
            leaving.Seen.ShouldBeEmpty();
        }
        finally
        {
            await Feed.UnsubscribeAsync(stayingRef);
            Client.DeleteObjectReference<IOperatorObserver>(stayingRef);
            Client.DeleteObjectReference<IOperatorObserver>(leavingRef);
        }
    }

    [Fact]
    public async Task SubscribeAsync_Renewed_CountsOneSubscriptionAndNotifiesOnce()
    {
        var observer = new RecordingObserver();
        var reference = Client.CreateObjectReference<IOperatorObserver>(observer);
        var before = await Feed.SubscribersAsync();
        try
        {
            await Feed.SubscribeAsync(reference);
            await Feed.SubscribeAsync(reference);
            (await Feed.SubscribersAsync()).ShouldBe(before + 1);

            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.GateTicked, "paper:feed-renewed"));
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.GateTicked, "paper:feed-renewed-end"));
            await observer.WaitForAsync(OperatorChangeKind.GateTicked, "paper:feed-renewed-end");

            observer.Seen.Count(c => c?.Subject == "paper:feed-renewed").ShouldBe(1);
        }
        finally
        {
            await Feed.UnsubscribeAsync(reference);
            Client.DeleteObjectReference<IOperatorObserver>(reference);
        }
    }

    [Fact]
    public async Task PublishAsync_DeadObserverSubscribed_CompletesAndTheLiveOneStillReceives()
    {
        var dead = Client.CreateObjectReference<IOperatorObserver>(new RecordingObserver());
        await Feed.SubscribeAsync(dead);
        Client.DeleteObjectReference<IOperatorObserver>(dead);
        var live = new RecordingObserver();
        var liveRef = Client.CreateObjectReference<IOperatorObserver>(live);
        await Feed.SubscribeAsync(liveRef);
        try
        {
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.EmergencyStop, "feed-dead"));
            await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.EmergencyStop, "feed-dead-again"));

            await live.WaitForAsync(OperatorChangeKind.EmergencyStop, "feed-dead");
            await live.WaitForAsync(OperatorChangeKind.EmergencyStop, "feed-dead-again");
            // the feed keeps answering after notifying a dead observer
            (await Feed.SubscribersAsync()).ShouldBeGreaterThanOrEqualTo(1);
        }
        finally
        {
            await Feed.UnsubscribeAsync(dead);
            await Feed.UnsubscribeAsync(liveRef);
            Client.DeleteObjectReference<IOperatorObserver>(liveRef);
        }
    }

    [Fact]
    public async Task Publish_NoSubscriber_ReturnsAndTheFeedStillAnswers()
    {
        var before = await Feed.SubscribersAsync();

        Client.Publish(OperatorChangeKind.CycleCompleted, "feed-nobody-listens");
        await Feed.PublishAsync(new OperatorChange(OperatorChangeKind.CycleCompleted, "feed-nobody-listens"));

        (await Feed.SubscribersAsync()).ShouldBe(before);
    }

    [Fact]
    public void Publish_GrainFactoryThrows_NeverThrowsToThePublisher()
    {
        var unreachable = ThrowingGrainFactory.Create();
        Should.Throw<InvalidOperationException>(() => unreachable.GetGrain<IOperatorFeedGrain>(OperatorFeed.Key));

        Should.NotThrow(() => unreachable.Publish(OperatorChangeKind.CycleStarted, "paper-1"));
    }

    [Fact]
    public async Task SubscribeAsync_NullObserver_ThrowsNamingIt()
    {
        var ex = await Should.ThrowAsync<ArgumentNullException>(() => Feed.SubscribeAsync(null!));

        ex.Message.ShouldContain("observer");
    }
}
