using TripleGain.Core.Selection;
using TripleGain.Core.Stages;
using static TripleGain.Tests.Shared.Candidates;
using static TripleGain.Core.Tests.Stages.StageFixtures;

namespace TripleGain.Core.Tests.Selection;

public class ModelSwitchTests
{
    private const string Evidence = "claude is best: eligible, ranked 1 (score 0.900), P(better) 0.99 against buy-and-hold";
    private static readonly ModelSelection ClaudeBest = new([], "claude", Evidence, []);
    private static readonly StageRules Paper = StageRules.For(StageStatus.Start(T0), T0.AddDays(3));

    private static bool Anything(string model) => true;

    [Fact]
    public void Decide_PaperStageEnabledBestDiffers_SwitchesWithTheSelectorsReason()
    {
        var decision = ModelSwitch.Decide("gpt-4o", ClaudeBest, Paper, autoSwitchEnabled: true, Anything);

        decision.ShouldBe(new ModelSwitchDecision(true, "gpt-4o", "claude", Evidence));
    }

    [Fact]
    public void Decide_SelectorNamesAClearWinner_SwitchesToIt()
    {
        var days = 90;
        var market = Normals(days, 1).Select(z => 0.02 * z).ToArray();
        var selection = ModelSelector.Select(
        [
            .. Benchmarks(market),
            Candidate("claude", Returns(market, 0.5, 0.005, 0.003, seed: 2), winRate: 0.62),
            Candidate("gpt-4o", Returns(market, 0.5, 0.0, 0.003, seed: 3), winRate: 0.5),
        ]);

        var decision = ModelSwitch.Decide("gpt-4o", selection, Paper, autoSwitchEnabled: true, Anything);

        decision.Switch.ShouldBeTrue();
        decision.To.ShouldBe("claude");
        decision.Reason.ShouldStartWith("claude is best: eligible, ranked 1");
    }

    [Fact]
    public void Decide_AutoSwitchDisabled_Stays() =>
        ModelSwitch.Decide("gpt-4o", ClaudeBest, Paper, autoSwitchEnabled: false, Anything)
            .ShouldBe(new ModelSwitchDecision(false, "gpt-4o", null, "auto-switching is off (models.auto_switch_enabled: false)"));

    [Fact]
    public void Decide_MicroLive_NeverSwitches()
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0.AddDays(20));

        var decision = ModelSwitch.Decide("gpt-4o", ClaudeBest, rules, autoSwitchEnabled: true, Anything);

        decision.Switch.ShouldBeFalse();
        decision.To.ShouldBeNull();
        decision.Reason.ShouldBe($"the stage ({StagePosition.MicroLive100.Label}) does not allow auto-switching");
    }

    [Fact]
    public void Decide_ScaleWithoutTheSetting_Stays() =>
        ModelSwitch.Decide("gpt-4o", ClaudeBest, StageRules.For(At(StagePosition.Scale500), T0), true, Anything).Switch.ShouldBeFalse();

    [Fact]
    public void Decide_ScaleWithTheSetting_Switches() =>
        ModelSwitch.Decide("gpt-4o", ClaudeBest, StageRules.For(At(StagePosition.Scale500), T0, new StageRuleSettings { AutoSwitchInScale = true }), true, Anything)
            .To.ShouldBe("claude");

    [Fact]
    public void Decide_PausedPaperAccount_StaysAndSaysWhy()
    {
        var paused = StageStatus.Start(T0).PauseTrading("alice", "market closed for maintenance", T0.AddDays(1)).Status;

        var decision = ModelSwitch.Decide("gpt-4o", ClaudeBest, StageRules.For(paused, T0.AddDays(2)), true, Anything);

        decision.Switch.ShouldBeFalse();
        decision.Reason.ShouldStartWith("no auto-switch while trading is halted (paused by alice");
    }

    [Fact]
    public void Decide_NoBestModel_StaysWithTheSelectorsReason() =>
        ModelSwitch.Decide("gpt-4o", new ModelSelection([], null, "claude leads gpt-4o but P(better)=0.81 < 0.95", []), Paper, true, Anything)
            .ShouldBe(new ModelSwitchDecision(false, "gpt-4o", null, "no best model: claude leads gpt-4o but P(better)=0.81 < 0.95"));

    [Fact]
    public void Decide_BestIsAlreadyTrading_Stays() =>
        ModelSwitch.Decide("claude", ClaudeBest, Paper, true, Anything)
            .ShouldBe(new ModelSwitchDecision(false, "claude", null, $"claude is already the best model: {Evidence}"));

    [Fact]
    public void Decide_BestCannotRun_Stays()
    {
        var decision = ModelSwitch.Decide("gpt-4o", ClaudeBest, Paper, true, model => model != "claude");

        decision.Switch.ShouldBeFalse();
        decision.Reason.ShouldStartWith("claude is best but cannot run now");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Decide_BlankCurrentModel_Throws(string current) =>
        Should.Throw<ArgumentException>(() => ModelSwitch.Decide(current, ClaudeBest, Paper, true, Anything));

    [Fact]
    public void Decide_NullSelection_Throws() =>
        Should.Throw<ArgumentNullException>(() => ModelSwitch.Decide("gpt-4o", null!, Paper, true, Anything));
}
