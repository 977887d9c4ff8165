using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;
using static TripleGain.Core.Tests.Stages.StageFixtures;

namespace TripleGain.Core.Tests.Stages;

public class RollbackRulesTests
{
    /// <summary>Equity points one day apart from <paramref name="start"/>.</summary>
    private static EquityPoint[] Daily(DateTime start, params decimal[] equity) =>
        [.. equity.Select((e, i) => new EquityPoint(start.AddDays(i), e))];

    /// <summary>Equity points one week apart from <paramref name="start"/> (each on a Monday 00:00 when start is).</summary>
    private static EquityPoint[] Weekly(DateTime start, params decimal[] equity) =>
        [.. equity.Select((e, i) => new EquityPoint(start.AddDays(7 * i), e))];

    [Fact]
    public void Evaluate_DrawdownExactlyTenPercent_RollsBackOneStage()
    {
        var status = At(StagePosition.Scale500);
        var curve = Daily(T0, 500m, 550m, 495m); // 1 - 495/550 = 0.10 exactly
        var now = T0.AddDays(2);

        var evaluation = RollbackRules.Evaluate(status, curve, now);

        evaluation.MaxDrawdown.ShouldBe(0.10m);
        evaluation.PeakEquity.ShouldBe(550m);
        evaluation.Status.Position.ShouldBe(StagePosition.Scale200);
        var transition = evaluation.Transitions.ShouldHaveSingleItem();
        transition.Kind.ShouldBe(TransitionKind.Rollback);
        transition.By.ShouldBe(StageStatus.SystemActor);
        transition.At.ShouldBe(now);
        transition.Reason.ShouldBe("drawdown 10.00% from the peak $550.00 (low $495.00) reached the 10% limit of phase 4 scale $500: back to phase 4 scale $200");
    }

    [Fact]
    public void Evaluate_DrawdownJustBelowTenPercent_DoesNothing()
    {
        var status = At(StagePosition.Scale500);

        var evaluation = RollbackRules.Evaluate(status, Daily(T0, 500m, 550m, 495.01m), T0.AddDays(2));

        evaluation.Changed.ShouldBeFalse();
        evaluation.Status.ShouldBeSameAs(status);
        evaluation.MaxDrawdown.ShouldBeLessThan(0.10m);
    }

    [Fact]
    public void Evaluate_RecoveredDrawdown_StillCounts()
    {
        // The silo may evaluate after the trough: the deepest fall inside the window decides, not the last point.
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale1000), Daily(T0, 1000m, 890m, 1010m), T0.AddDays(2));

        evaluation.Status.Position.ShouldBe(StagePosition.Scale500);
    }

    [Fact]
    public void Evaluate_FirstScaleStageDrawdown_ReturnsToMicroLive()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale200), Daily(T0, 200m, 180m), T0.AddDays(1));

        evaluation.Status.Position.ShouldBe(StagePosition.MicroLive100);
        evaluation.Status.WeekOfPhase(T0.AddDays(2)).ShouldBe(1);
    }

    [Fact]
    public void Evaluate_MicroLiveDrawdown_PausesForAPerson()
    {
        var status = At(StagePosition.MicroLive100);

        var evaluation = RollbackRules.Evaluate(status, Daily(T0, 100m, 104m, 93.6m), T0.AddDays(2));

        evaluation.Status.Position.ShouldBe(StagePosition.MicroLive100);
        evaluation.Status.IsPaused.ShouldBeTrue();
        var transition = evaluation.Transitions.ShouldHaveSingleItem();
        transition.Kind.ShouldBe(TransitionKind.Pause);
        transition.Reason.ShouldContain("no live stage below");
    }

    [Theory]
    [InlineData("1890")] // 10 %
    [InlineData("1800")] // 14.29 %
    [InlineData("1785.01")] // just under 15 %
    public void Evaluate_FullCapitalUnderFifteenPercent_DoesNothing(string low)
    {
        var status = At(StagePosition.Scale2100);

        var evaluation = RollbackRules.Evaluate(status, Daily(T0, 2100m, decimal.Parse(low, System.Globalization.CultureInfo.InvariantCulture)), T0.AddDays(1));

        evaluation.Changed.ShouldBeFalse();
        evaluation.DrawdownLimit.ShouldBe(0.15m);
    }

    [Fact]
    public void Evaluate_FullCapitalExactlyFifteenPercent_HalvesToOneThousand()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale2100), Daily(T0, 2100m, 1785m), T0.AddDays(1));

        evaluation.Status.Position.ShouldBe(StagePosition.Scale1000);
        var transition = evaluation.Transitions.ShouldHaveSingleItem();
        transition.Kind.ShouldBe(TransitionKind.Halve);
        transition.Reason.ShouldContain("15.00%");
        transition.Reason.ShouldContain("halved to phase 4 scale $1,000");
    }

    [Fact]
    public void Evaluate_ThreeCompletedLosingWeeks_Pauses()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale200), Weekly(T0, 200m, 198m, 196m, 194m), T0.AddDays(21));

        evaluation.LongestLosingRun.ShouldBe(3);
        evaluation.Status.IsPaused.ShouldBeTrue();
        evaluation.Status.Position.ShouldBe(StagePosition.Scale200);
        evaluation.Transitions.ShouldHaveSingleItem().Reason.ShouldBe("3 consecutive losing weeks (2024-W10, 2024-W11, 2024-W12): paused");
    }

    [Fact]
    public void Evaluate_TwoLosingWeeksThenAWinningWeek_DoesNothing()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale200), Weekly(T0, 200m, 198m, 196m, 197m), T0.AddDays(21));

        evaluation.Weeks.Count.ShouldBe(3);
        evaluation.LongestLosingRun.ShouldBe(2);
        evaluation.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_LosingRunBrokenByAWin_DoesNothing()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale200), Weekly(T0, 200m, 198m, 196m, 197m, 195m, 193m), T0.AddDays(35));

        evaluation.LongestLosingRun.ShouldBe(2);
        evaluation.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_ThirdLosingWeekStillRunning_WaitsForItsEnd()
    {
        var status = At(StagePosition.Scale200);
        var curve = Weekly(T0, 200m, 198m, 196m).Append(new EquityPoint(T0.AddDays(20), 194m)).ToArray();

        RollbackRules.Evaluate(status, curve, T0.AddDays(21).AddTicks(-1)).Changed.ShouldBeFalse();
        RollbackRules.Evaluate(status, curve, T0.AddDays(21)).Status.IsPaused.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_StageStartedMidWeek_ThePartialWeekDoesNotCount()
    {
        var wednesday = T0.AddDays(2);
        var status = At(StagePosition.Scale200, wednesday);
        // Losing from Wednesday to Monday, then two losing full weeks: only two complete weeks.
        EquityPoint[] curve = [new(wednesday, 200m), .. Weekly(T0.AddDays(7), 199m, 198m, 197m)];

        var evaluation = RollbackRules.Evaluate(status, curve, T0.AddDays(21));

        evaluation.Weeks.Select(w => w.ToString()).ShouldBe(["2024-W11", "2024-W12"]);
        evaluation.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_DrawdownAndLosingWeeks_RollsBackThenPauses()
    {
        var evaluation = RollbackRules.Evaluate(At(StagePosition.Scale500), Weekly(T0, 500m, 480m, 460m, 440m), T0.AddDays(21));

        evaluation.Transitions.Select(t => t.Kind).ShouldBe([TransitionKind.Rollback, TransitionKind.Pause]);
        evaluation.Status.Position.ShouldBe(StagePosition.Scale200);
        evaluation.Status.IsPaused.ShouldBeTrue();
        evaluation.Status.History.TakeLast(2).ShouldBe(evaluation.Transitions);
    }

    [Fact]
    public void Evaluate_SameCurveAgain_ChangesNothing()
    {
        var curve = Daily(T0, 100m, 89m);
        var first = RollbackRules.Evaluate(At(StagePosition.MicroLive100), curve, T0.AddDays(1));

        var second = RollbackRules.Evaluate(first.Status, curve, T0.AddDays(1).AddMinutes(1));

        first.Changed.ShouldBeTrue();
        second.Changed.ShouldBeFalse();
        second.Status.ShouldBeSameAs(first.Status);
    }

    [Fact]
    public void Evaluate_AfterResume_OldLossesDoNotPauseAgain()
    {
        var curve = Weekly(T0, 200m, 198m, 196m, 194m);
        var paused = RollbackRules.Evaluate(At(StagePosition.Scale200), curve, T0.AddDays(21)).Status;
        var resumed = paused.ResumeTrading(Operator, "reviewed", T0.AddDays(21).AddHours(1)).Status;

        RollbackRules.Evaluate(resumed, curve, T0.AddDays(22)).Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_LossesBeforeTheStageStarted_AreIgnored()
    {
        var status = At(StagePosition.Scale500, T0.AddDays(3));
        var curve = Daily(T0, 600m, 400m, 450m, 500m, 510m);

        var evaluation = RollbackRules.Evaluate(status, curve, T0.AddDays(4));

        evaluation.PeakEquity.ShouldBe(510m);
        evaluation.MaxDrawdown.ShouldBe(0m);
        evaluation.Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_WhileEmergencyStopped_StillRollsBack()
    {
        var status = At(StagePosition.Scale500).StopEmergency(Operator, "outage", T0.AddHours(1)).Status;

        var evaluation = RollbackRules.Evaluate(status, Daily(T0, 500m, 440m), T0.AddDays(1));

        evaluation.Status.Position.ShouldBe(StagePosition.Scale200);
        evaluation.Status.IsEmergencyStopped.ShouldBeTrue();
    }

    [Fact]
    public void Evaluate_Paper_DoesNothing()
    {
        var evaluation = RollbackRules.Evaluate(StageStatus.Start(T0), Daily(T0, 1000m, 500m), T0.AddDays(30));

        evaluation.Changed.ShouldBeFalse();
        evaluation.PeakEquity.ShouldBeNull();
    }

    [Fact]
    public void Evaluate_EmptyCurve_DoesNothing()
    {
        RollbackRules.Evaluate(At(StagePosition.Scale200), [], T0.AddDays(30)).Changed.ShouldBeFalse();
    }

    [Fact]
    public void Evaluate_PointAfterNow_ThrowsNamingIt()
    {
        var error = Should.Throw<ArgumentException>(() => RollbackRules.Evaluate(At(StagePosition.Scale200), Daily(T0, 200m, 201m), T0.AddHours(1)));

        error.Message.ShouldContain("equity[1]");
        error.Message.ShouldContain("later than now");
    }

    [Fact]
    public void Evaluate_InvalidCurve_ThrowsFromTheCurveValidation()
    {
        Should.Throw<ArgumentException>(() => RollbackRules.Evaluate(At(StagePosition.Scale200), Daily(T0, 200m, 0m), T0.AddDays(2)))
            .Message.ShouldContain("equity must be positive");
    }

    [Fact]
    public void Settings_BadThresholds_Throw()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new RollbackSettings { StageDrawdownLimit = 0m });
        Should.Throw<ArgumentOutOfRangeException>(() => new RollbackSettings { FullCapitalDrawdownLimit = 1m });
        Should.Throw<ArgumentOutOfRangeException>(() => new RollbackSettings { LosingWeeksToPause = 0 });
    }
}
