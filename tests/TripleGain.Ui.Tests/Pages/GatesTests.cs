using TripleGain.Core.Stages;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Components.Pages;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class GatesTests : UiContext
{
    private static readonly GateInputs Passing = new()
    {
        PaperTradingDays = 31, TradeCount = 25, Sharpe = 1.4, MaxDrawdown = 0.08, WinRate = 0.5, ProfitFactor = 1.6,
        Uptime = 0.999, DecisionLatencyP95 = TimeSpan.FromSeconds(2), ParseSuccessRate = 0.99,
    };

    private static IReadOnlyList<ManualTick> AllTicked(PhaseGate gate) =>
        [.. gate.ManualItems.Select(i => new ManualTick(gate.Id, i.Id, "bob", Samples.Start, "checked"))];

    private static AccountStage Account(GateInputs inputs, IReadOnlyList<ManualTick> ticks, TradingPause? pause = null) =>
        new("paper:baseline", StagePosition.PaperTrading, 5, 31.2, 31.2, null, pause, "none",
            GateEvaluator.Evaluate(PhaseGates.PaperToMicroLive, inputs, ticks),
            GateEvaluator.Evaluate(PhaseGates.MicroLiveToScale, GateInputs.None, []),
            [new StageTransition(StagePosition.PaperTrading, StagePosition.PaperTrading, TransitionKind.Pause, "three losing weeks", "system", Samples.Start)]);

    [Fact]
    public void LiveUpdates_OnlyChangesTheBoardShows_ReloadIt()
    {
        Stage.Board = new StageBoard(Samples.Start, null, [Account(Passing, [])]);
        var page = RenderPage<Gates>();
        page.WaitForAssertion(() => Stage.BoardReads.ShouldBe(1));

        Live.Raise(OperatorChangeKind.CycleStarted, "paper-7");
        Live.Raise(OperatorChangeKind.ApprovalQueued);
        Stage.BoardReads.ShouldBe(1);

        Live.Raise(OperatorChangeKind.CycleCompleted, "paper-7");
        page.WaitForAssertion(() => Stage.BoardReads.ShouldBe(2));
        Live.Raise(OperatorChangeKind.GateTicked);
        page.WaitForAssertion(() => Stage.BoardReads.ShouldBe(3));
        Live.Raise();
        page.WaitForAssertion(() => Stage.BoardReads.ShouldBe(4));
    }

    [Fact]
    public void Render_FailingGate_ShowsLiveValuesThresholdsAndDisablesPromote()
    {
        Stage.Board = new StageBoard(Samples.Start, null, [Account(Passing with { Sharpe = 0.4, WinRate = null }, [])]);

        var page = RenderPage<Gates>();

        var card = page.Find("#stage-paper-baseline");
        card.QuerySelector(".stage-position")!.TextContent.ShouldBe("phase 2 paper trading");
        var sharpe = card.QuerySelector("tr.criterion[data-criterion='sharpe']")!.TextContent;
        sharpe.ShouldContain("0.40");
        sharpe.ShouldContain("≥ 1.00");
        sharpe.ShouldContain("Fail");
        card.QuerySelector("tr.criterion[data-criterion='win-rate']")!.TextContent.ShouldContain("Unknown");
        card.QuerySelector("tr.criterion[data-criterion='paper-days']")!.TextContent.ShouldContain("31 days");
        card.QuerySelector(".gate-checklist[data-gate='paper-to-micro-live']")!.QuerySelectorAll("tr.manual-item").Length.ShouldBe(PhaseGates.PaperToMicroLive.ManualItems.Count);
        card.QuerySelector(".promote-button")!.HasAttribute("disabled").ShouldBeTrue();
        card.QuerySelector(".stage-history")!.TextContent.ShouldContain("three losing weeks");
    }

    [Fact]
    public void Promote_PassingGate_AsksForAReasonThenPromotesAsTheSignedInPerson()
    {
        Stage.Board = new StageBoard(Samples.Start, null, [Account(Passing, AllTicked(PhaseGates.PaperToMicroLive))]);
        var page = RenderPage<Gates>();
        var promote = page.Find(".promote-button");
        promote.HasAttribute("disabled").ShouldBeFalse();
        promote.TextContent.ShouldContain("phase 3 micro-live $100");

        promote.Click();
        ConfirmDialog("30 days clean, reviewed with the team");

        page.WaitForAssertion(() => Stage.Actions.ShouldBe(["promote paper:baseline by alice: 30 days clean, reviewed with the team"]));
    }

    [Fact]
    public void Promote_PassingGateButGlobalStop_StaysDisabled()
    {
        Stage.Board = new StageBoard(Samples.Start, new EmergencyStop("bob", Samples.Start, "exchange outage"),
            [Account(Passing, AllTicked(PhaseGates.PaperToMicroLive))]);

        var page = RenderPage<Gates>();

        page.Find("#gates-global-stop").TextContent.ShouldContain("exchange outage");
        page.Find(".promote-button").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Promote_PassingGateButPaused_StaysDisabled()
    {
        Stage.Board = new StageBoard(Samples.Start, null,
            [Account(Passing, AllTicked(PhaseGates.PaperToMicroLive), new TradingPause("system", Samples.Start, "three losing weeks"))]);

        var page = RenderPage<Gates>();

        page.Find(".promote-button").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Tick_ManualItem_RecordsThePersonAndNote()
    {
        Stage.Board = new StageBoard(Samples.Start, null, [Account(Passing, [])]);
        var page = RenderPage<Gates>();

        page.Find("tr.manual-item[data-item='incident-response-plan'] .tick-button").Click();
        ConfirmDialog("docs/incident.md reviewed");

        page.WaitForAssertion(() => Stage.Actions.ShouldBe(["tick paper:baseline paper-to-micro-live/incident-response-plan by alice: docs/incident.md reviewed"]));
    }

    [Fact]
    public void Render_TickedItem_ShowsWhoAndNoTickButton()
    {
        var ticks = new[] { new ManualTick(PhaseGates.PaperToMicroLive.Id, "backups-verified", "bob", Samples.Start, "restored on test box") };
        Stage.Board = new StageBoard(Samples.Start, null, [Account(Passing, ticks)]);

        var page = RenderPage<Gates>();

        var row = page.Find("tr.manual-item[data-item='backups-verified']");
        row.TextContent.ShouldContain("bob");
        row.TextContent.ShouldContain("restored on test box");
        row.QuerySelector(".tick-button").ShouldBeNull();
    }
}
