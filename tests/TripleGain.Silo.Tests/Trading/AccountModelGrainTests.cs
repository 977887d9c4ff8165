using Orleans.Core.Internal;
using TripleGain.Core.Stages;
using TripleGain.Grains.Models;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Trading;

/// <summary>
/// The model of a single account, switched automatically where the stage allows it (the fixture has
/// models.auto_switch_enabled on and scripted candidates in which "slow" clearly beats "broken" and both benchmarks).
/// </summary>
[Collection(TradingClusterCollection.Name)]
public sealed class AccountModelGrainTests(TradingClusterFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private DateTime Now => fixture.Clock.GetUtcNow().UtcDateTime;

    private IAccountModelGrain Grain(string accountId) => fixture.Cluster.GrainFactory.GetGrain<IAccountModelGrain>(accountId);

    [Fact]
    public async Task EvaluateAutoSwitchAsync_PaperStageAndABetterModel_SwitchesJournalsAndSurvivesDeactivation()
    {
        const string account = "paper:switch-allowed";
        TradingClusterFixture.Candidates.Current = ScriptedCandidates.ClearWinner("slow", "broken");
        var now = Now;

        var check = await Grain(account).EvaluateAutoSwitchAsync("broken", now);

        check.Switched.ShouldBeTrue(check.Reason);
        check.Current.ShouldBe("broken");
        check.Best.ShouldBe("slow");
        check.Reason.ShouldStartWith("slow is best: eligible, ranked 1");
        var transitions = await fixture.Journal.StageTransitionsAsync(account, Cancel);
        var journalled = transitions.Single(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal));
        journalled.Reason.ShouldBe($"Model: broken -> slow: {check.Reason}");
        journalled.ChangedBy.ShouldBe(StageStatus.SystemActor);
        journalled.FromStage.ShouldBe(StagePosition.PaperTrading.Label);
        journalled.ToStage.ShouldBe(StagePosition.PaperTrading.Label);

        await DeactivateAsync(Grain(account));
        var view = await Grain(account).GetAsync();

        view.ModelId.ShouldBe("slow");
        view.Changes.ShouldHaveSingleItem().ShouldBe(new ModelChange("broken", "slow", StageStatus.SystemActor, check.Reason, now, StagePosition.PaperTrading.Label, (int)Phase.PaperTrading));
        view.LastCheck.ShouldBe(check);
        TradingAccounts.Of(TradingClusterFixture.Config with { Models = TradingClusterFixture.Config.Models with { ComparisonMode = false } },
            new ModelRegistry([new SlowModel(), new BrokenModel()]), view.ModelId).ShouldHaveSingleItem().ModelId.ShouldBe("slow");

        // the next day the best model is the running one: nothing changes
        var again = await Grain(account).EvaluateAutoSwitchAsync("slow", now.AddDays(1));
        again.Switched.ShouldBeFalse();
        again.Reason.ShouldStartWith("slow is already the best model");
        (await Grain(account).GetAsync()).Changes.Count.ShouldBe(1);
        (await fixture.Journal.StageTransitionsAsync(account, Cancel)).Count(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task EvaluateAutoSwitchAsync_MicroLiveStage_NeverSwitches()
    {
        const string account = "paper:switch-forbidden";
        TradingClusterFixture.Candidates.Current = ScriptedCandidates.ClearWinner("slow", "broken");
        var stage = fixture.Cluster.GrainFactory.GetGrain<IStageGrain>(account);
        var promoted = await stage.PromoteAsync("alice", "paper gate passed", StageGates.Passing(PhaseGates.PaperToMicroLive, Now));
        promoted.Applied.ShouldBeTrue(promoted.Refusal?.Reason);

        var check = await Grain(account).EvaluateAutoSwitchAsync("broken", Now);

        check.Switched.ShouldBeFalse();
        check.Reason.ShouldBe($"the stage ({StagePosition.MicroLive100.Label}) does not allow auto-switching");
        await DeactivateAsync(Grain(account));
        var view = await Grain(account).GetAsync();
        view.ModelId.ShouldBeNull();
        view.Changes.ShouldBeEmpty();
        view.LastCheck.ShouldBe(check);
        (await fixture.Journal.StageTransitionsAsync(account, Cancel)).ShouldNotContain(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EvaluateAutoSwitchAsync_PausedAccount_DoesNotSwitchNorUseUpTheDaysCheck_AfterResumingItSwitches()
    {
        const string account = "paper:switch-paused";
        TradingClusterFixture.Candidates.Current = ScriptedCandidates.ClearWinner("slow", "broken");
        var stage = fixture.Cluster.GrainFactory.GetGrain<IStageGrain>(account);
        (await stage.PauseAsync("alice", "reviewing the week")).Applied.ShouldBeTrue();

        var paused = await Grain(account).EvaluateAutoSwitchAsync("broken", Now);

        paused.Switched.ShouldBeFalse();
        var view = await Grain(account).GetAsync();
        view.ModelId.ShouldBeNull();
        view.LastCheck.ShouldBeNull("a check while halted must not count as the day's check");

        (await stage.ResumeTradingAsync("alice", "review done")).Applied.ShouldBeTrue();
        var resumed = await Grain(account).EvaluateAutoSwitchAsync("broken", Now);

        resumed.Switched.ShouldBeTrue(resumed.Reason);
        (await Grain(account).GetAsync()).ModelId.ShouldBe("slow");
    }

    [Fact]
    public async Task EvaluateAutoSwitchAsync_CandidatesCannotBeRanked_KeepsTheModelAndSaysWhy()
    {
        const string account = "paper:switch-bad-records";
        var good = ScriptedCandidates.ClearWinner("slow", "broken");
        TradingClusterFixture.Candidates.Current = [.. good.Take(3), good[2] with { ModelId = "baseline" }];

        var check = await Grain(account).EvaluateAutoSwitchAsync("broken", Now);

        check.Switched.ShouldBeFalse();
        check.Reason.ShouldStartWith("no best model: the candidates could not be ranked: ");
        check.Reason.ShouldContain("repeated model id 'baseline'");
        (await Grain(account).GetAsync()).ModelId.ShouldBeNull();
    }

    [Fact]
    public async Task ChooseAsync_OperatorChoosesARunnableModel_JournalledWithWhoAndWhy_BadInputChangesNothing()
    {
        const string account = "paper:switch-chosen";

        await Should.ThrowAsync<ArgumentException>(() => Grain(account).ChooseAsync("claude-not-configured", "alice", "try it"));
        await Should.ThrowAsync<ArgumentException>(() => Grain(account).ChooseAsync("slow", "system", "automatic"));
        await Should.ThrowAsync<ArgumentException>(() => Grain(account).ChooseAsync("slow", "alice", " "));
        (await Grain(account).GetAsync()).ModelId.ShouldBeNull();

        var view = await Grain(account).ChooseAsync("slow", "alice", "prefer the slow model this week");

        view.ModelId.ShouldBe("slow");
        var journalled = (await fixture.Journal.StageTransitionsAsync(account, Cancel)).Single(t => t.Reason.StartsWith(ModelChange.JournalPrefix, StringComparison.Ordinal));
        journalled.Reason.ShouldBe("Model: (configured) -> slow: prefer the slow model this week");
        journalled.ChangedBy.ShouldBe("alice");
    }

    private async Task DeactivateAsync(IAddressable grain)
    {
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var management = fixture.Cluster.GrainFactory.GetGrain<IManagementGrain>(0);
        for (var i = 0; i < 100 && await management.GetActivationAddress(grain) is not null; i++)
        {
            await Task.Delay(20, Cancel);
        }

        (await management.GetActivationAddress(grain)).ShouldBeNull($"{grain.GetGrainId()} is still active after DeactivateOnIdle");
    }
}
