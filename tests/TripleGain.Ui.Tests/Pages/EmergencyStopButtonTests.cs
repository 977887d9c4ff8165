using TripleGain.Core.Stages;
using TripleGain.Grains.Operator;
using TripleGain.Silo.Components.Shared;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class EmergencyStopButtonTests : UiContext
{
    [Fact]
    public void Stop_Confirmed_StopsAsTheSignedInPersonAndShowsStopped()
    {
        var button = RenderPage<EmergencyStopButton>();

        button.Find("#emergency-stop").Click();
        ConfirmDialog("exchange outage");

        button.WaitForAssertion(() => button.Find("#emergency-stopped").TextContent.ShouldBe("STOPPED"));
        Stage.Actions.ShouldBe(["stop by alice: exchange outage"]);
        button.FindAll("#emergency-stop").ShouldBeEmpty();
    }

    [Fact]
    public void LiveUpdates_OnlyTheGlobalStopsChangesReloadIt()
    {
        var button = RenderPage<EmergencyStopButton>();
        button.WaitForAssertion(() => Stage.GlobalStopReads.ShouldBe(1));

        Live.Raise(OperatorChangeKind.CycleCompleted, "paper-7");
        Live.Raise(OperatorChangeKind.StageChanged);
        Stage.GlobalStopReads.ShouldBe(1);

        Stage.Summary = Stage.Summary with { EmergencyStop = new EmergencyStop("bob", Samples.Start, "drill") };
        Live.Raise(OperatorChangeKind.EmergencyStop, "global");
        button.WaitForAssertion(() => button.Find("#emergency-stopped").TextContent.ShouldBe("STOPPED"));
        Stage.GlobalStopReads.ShouldBe(2);
    }

    [Fact]
    public void Stop_Cancelled_DoesNothing()
    {
        var button = RenderPage<EmergencyStopButton>();

        button.Find("#emergency-stop").Click();
        var host = Host!;
        host.WaitForAssertion(() => host.Find("#dialog-cancel"));
        host.Find("#dialog-cancel").Click();

        Stage.Actions.ShouldBeEmpty();
        button.Find("#emergency-stop").ShouldNotBeNull();
    }

    [Fact]
    public void Resume_WhileStopped_ResumesWithAReason()
    {
        Stage.Summary = Stage.Summary with { EmergencyStop = new EmergencyStop("bob", Samples.Start, "test") };
        var button = RenderPage<EmergencyStopButton>();

        button.Find("#emergency-resume").Click();
        ConfirmDialog("outage over");

        button.WaitForAssertion(() => button.Find("#emergency-stop").ShouldNotBeNull());
        Stage.Actions.ShouldBe(["resume by alice: outage over"]);
    }
}
