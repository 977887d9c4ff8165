using TripleGain.Grains.Cycle;
using TripleGain.Journal;
using JournalCycleStatus = TripleGain.Journal.CycleStatus;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// A cycle grain marks the cycles its silo left running in the journal as interrupted when it activates; a journal
/// outage at that moment must not fail the activation (and with it trading, health and the UI): the marking is tried
/// again before the next cycle.
/// </summary>
[Collection(FlakyJournalCollection.Name)]
public sealed class CycleActivationTests(FlakyJournalClusterFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Activation_JournalFailsToListRunningCycles_GrainAnswersAndTheNextCycleMarksTheInterruptedOne()
    {
        const string key = "flaky-activation";
        var interrupted = $"{key}-1";
        (await fixture.Journal.BeginCycleAsync(interrupted, key, new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), Cancel)).ShouldBeTrue();
        fixture.Failures.Reset();
        fixture.Failures.FailNext(nameof(IDecisionJournal.RunningCyclesAsync));
        var cycle = fixture.Cluster.GrainFactory.GetGrain<ICycleGrain>(key);

        var status = await cycle.GetStatusAsync();

        status.Running.ShouldBeFalse();
        (await fixture.Journal.GetCycleAsync(interrupted, Cancel)).ShouldNotBeNull().Status.ShouldBe(JournalCycleStatus.Running);

        await cycle.RunOnceAsync();

        var marked = (await fixture.Journal.GetCycleAsync(interrupted, Cancel)).ShouldNotBeNull();
        marked.Status.ShouldBe(JournalCycleStatus.Failed);
        marked.Error.ShouldBe("interrupted: the silo running it stopped");
    }
}
