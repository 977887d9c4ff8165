using System.Text.Json;
using TripleGain.Core.Stages;
using static TripleGain.Core.Tests.Stages.StageFixtures;

namespace TripleGain.Core.Tests.Stages;

public class StageStatusTests
{
    [Fact]
    public void Start_Default_PaperTradingWithoutCapitalOrFlags()
    {
        var status = StageStatus.Start(T0);

        status.Position.ShouldBe(StagePosition.PaperTrading);
        status.Capital.ShouldBe(CapitalStage.None);
        (status.PhaseStartedAt, status.StageStartedAt, status.MeasuredFrom).ShouldBe((T0, T0, T0));
        status.IsEmergencyStopped.ShouldBeFalse();
        status.IsPaused.ShouldBeFalse();
        status.History.ShouldBeEmpty();
    }

    [Fact]
    public void Start_LivePhase_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => StageStatus.Start(T0, Phase.MicroLive)).Message.ShouldContain("promotion");
    }

    [Fact]
    public void Start_LocalTime_Throws()
    {
        Should.Throw<ArgumentException>(() => StageStatus.Start(DateTime.SpecifyKind(T0, DateTimeKind.Local))).Message.ShouldContain("UTC");
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(7 * 24 * 60 - 1, 1)]
    [InlineData(7 * 24 * 60, 2)]
    [InlineData(14 * 24 * 60 - 1, 2)]
    [InlineData(14 * 24 * 60, 3)]
    [InlineData(21 * 24 * 60, 4)]
    [InlineData(28 * 24 * 60, 5)]
    public void WeekOfPhase_MinutesSincePhaseStart_CountsWholeSevenDayPeriods(int minutes, int expectedWeek)
    {
        // Phase started on a Wednesday afternoon: weeks are 7-day periods from there, not calendar weeks.
        var start = new DateTime(2024, 12, 25, 15, 30, 0, DateTimeKind.Utc);
        var status = At(StagePosition.MicroLive100, start);

        status.WeekOfPhase(start.AddMinutes(minutes)).ShouldBe(expectedWeek);
    }

    [Fact]
    public void WeekOfPhase_NowBeforePhaseStart_IsWeekOne()
    {
        var status = At(StagePosition.MicroLive100);

        status.WeekOfPhase(T0.AddSeconds(-5)).ShouldBe(1);
    }

    [Fact]
    public void DaysInPhaseAndAtStage_AfterScalePromotion_CountFromTheirOwnStarts()
    {
        var status = At(StagePosition.Scale500);

        status.PhaseStartedAt.ShouldBe(T0.AddHours(-1)); // phase 4 began with the $200 step an hour earlier
        status.StageStartedAt.ShouldBe(T0);
        status.DaysAtStage(T0.AddDays(3)).ShouldBe(3);
        status.DaysInPhase(T0.AddDays(3)).ShouldBe(3 + 1 / 24.0, 1e-12);
        status.DaysAtStage(T0.AddDays(-1)).ShouldBe(0);
    }

    [Fact]
    public void Promote_EveryStepWithPassingGate_ClimbsTheWholeLadder()
    {
        var status = StageStatus.Start(T0, Phase.Foundation);
        var at = T0;
        foreach (var expected in StagePosition.Ladder.Skip(1))
        {
            at = at.AddDays(1);
            var from = status.Position;
            var result = status.Promote(Passing(from, at), Operator, "gates pass", at);

            result.Applied.ShouldBeTrue(result.Refusal?.ToString());
            result.Status.Position.ShouldBe(expected);
            result.Transition.ShouldBe(new StageTransition(from, expected, TransitionKind.Promote, "gates pass", Operator, at));
            result.Status.History[^1].ShouldBe(result.Transition);
            result.Status.StageStartedAt.ShouldBe(at);
            result.Status.MeasuredFrom.ShouldBe(at);
            result.Status.PhaseStartedAt.ShouldBe(expected.Phase == from.Phase ? status.PhaseStartedAt : at);
            status = result.Status;
        }

        status.History.Count.ShouldBe(6);
    }

    [Fact]
    public void Promote_AtFullCapital_RefusedAsLastStage()
    {
        var status = At(StagePosition.Scale2100);
        var gate = Passing(StagePosition.Scale1000, T0);

        var result = status.Promote(gate, Operator, "more", T0.AddDays(1));

        result.Applied.ShouldBeFalse();
        result.Refusal.Code.ShouldBe(RefusalCode.LastStage);
        result.Status.ShouldBeSameAs(status);
    }

    [Fact]
    public void Promote_GateOfAnotherStep_RefusedAsWrongGate()
    {
        var status = At(StagePosition.Scale200);

        var result = status.Promote(Passing(StagePosition.PaperTrading, T0), Operator, "skip ahead", T0.AddDays(30));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.WrongGate);
        result.Refusal.Reason.ShouldContain("paper-to-micro-live");
        result.Refusal.Reason.ShouldContain("phase 4 scale $500");
    }

    [Fact]
    public void Promote_FailingGate_RefusedWithTheBlockers()
    {
        var status = StageStatus.Start(T0);
        var gate = PhaseGates.PaperToMicroLive;
        var evaluation = GateEvaluator.Evaluate(gate, Good with { Sharpe = 0.7, PaperTradingDays = null }, AllTicks(gate, T0).Skip(1).ToArray());

        var result = status.Promote(evaluation, Operator, "go live", T0.AddDays(31));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.GateNotPassed);
        result.Refusal.Reason.ShouldContain("sharpe 0.70 >= 1.00: fail");
        result.Refusal.Reason.ShouldContain("paper-days not measured yet");
        result.Refusal.Reason.ShouldContain("incident-response-plan: not ticked");
        result.Status.ShouldBeSameAs(status);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("System")]
    public void Promote_BySystem_RefusedAsPersonRequired(string by)
    {
        var status = StageStatus.Start(T0);

        var result = status.Promote(Passing(StagePosition.PaperTrading, T0), by, "auto", T0.AddDays(31));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.PersonRequired);
    }

    [Fact]
    public void Promote_WhileEmergencyStopped_Refused()
    {
        var stopped = StageStatus.Start(T0).StopEmergency(Operator, "exchange outage", T0.AddDays(1)).Status;

        var result = stopped.Promote(Passing(StagePosition.PaperTrading, T0), Operator, "go live", T0.AddDays(31));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.EmergencyStopped);
        result.Refusal.Reason.ShouldContain(Operator);
    }

    [Fact]
    public void Promote_WhilePaused_Refused()
    {
        var paused = At(StagePosition.Scale200).PauseTrading("system", "3 losing weeks", T0.AddDays(21)).Status;

        var result = paused.Promote(Passing(StagePosition.Scale200, T0), Operator, "more", T0.AddDays(22));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.Paused);
        result.Refusal.Reason.ShouldContain("3 losing weeks");
    }

    [Fact]
    public void RollBack_FromFirstScaleStage_ReturnsToMicroLiveAndRestartsItsWeeks()
    {
        var status = At(StagePosition.Scale200);
        var at = T0.AddDays(9);

        var result = status.RollBack("system", "drawdown", at);

        result.Status.Position.ShouldBe(StagePosition.MicroLive100);
        result.Transition.ShouldBe(new StageTransition(StagePosition.Scale200, StagePosition.MicroLive100, TransitionKind.Rollback, "drawdown", "system", at));
        result.Status.PhaseStartedAt.ShouldBe(at);
        result.Status.WeekOfPhase(at.AddDays(1)).ShouldBe(1);
    }

    [Fact]
    public void RollBack_WithinScale_KeepsThePhaseStart()
    {
        var status = At(StagePosition.Scale1000);

        var result = status.RollBack("system", "drawdown", T0.AddDays(2));

        result.Status.Position.ShouldBe(StagePosition.Scale500);
        result.Status.PhaseStartedAt.ShouldBe(status.PhaseStartedAt);
        result.Status.StageStartedAt.ShouldBe(T0.AddDays(2));
    }

    [Fact]
    public void RollBack_WhilePausedAndStopped_AppliesAndKeepsTheFlags()
    {
        var status = At(StagePosition.Scale500)
            .PauseTrading(Operator, "review", T0.AddDays(1)).Status
            .StopEmergency(Operator, "outage", T0.AddDays(1)).Status;

        var result = status.RollBack("system", "drawdown", T0.AddDays(2));

        result.Status.Position.ShouldBe(StagePosition.Scale200);
        result.Status.IsPaused.ShouldBeTrue();
        result.Status.IsEmergencyStopped.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void RollBack_AtMicroLiveOrPaper_RefusedAsNoPreviousStage(int index)
    {
        var status = index == 1 ? StageStatus.Start(T0) : At(StagePosition.MicroLive100);

        var result = status.RollBack("system", "drawdown", T0.AddDays(1));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.NoPreviousStage);
    }

    [Fact]
    public void Halve_AtFullCapital_GoesToOneThousand()
    {
        var status = At(StagePosition.Scale2100);

        var result = status.Halve("system", "drawdown 15%", T0.AddDays(5));

        result.Status.Position.ShouldBe(StagePosition.Scale1000);
        result.Transition.ShouldNotBeNull().Kind.ShouldBe(TransitionKind.Halve);
        result.Transition.From.ShouldBe(StagePosition.Scale2100);
    }

    [Fact]
    public void Halve_BelowFullCapital_Refused()
    {
        var result = At(StagePosition.Scale1000).Halve("system", "drawdown", T0.AddDays(5));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.NotAtFullCapital);
    }

    [Fact]
    public void PauseAndResume_ByPerson_FlagsAndResetsTheWindow()
    {
        var status = At(StagePosition.Scale200);

        var paused = status.PauseTrading("system", "3 losing weeks", T0.AddDays(21));
        paused.Status.Pause.ShouldBe(new TradingPause("system", T0.AddDays(21), "3 losing weeks"));
        paused.Transition.ShouldNotBeNull().Kind.ShouldBe(TransitionKind.Pause);
        paused.Transition.To.ShouldBe(StagePosition.Scale200);

        var resumed = paused.Status.ResumeTrading(Operator, "reviewed the trades", T0.AddDays(22));
        resumed.Status.IsPaused.ShouldBeFalse();
        resumed.Status.MeasuredFrom.ShouldBe(T0.AddDays(22));
        resumed.Status.StageStartedAt.ShouldBe(T0);
        resumed.Status.History.Select(t => t.Kind).TakeLast(2).ShouldBe([TransitionKind.Pause, TransitionKind.Resume]);
    }

    [Fact]
    public void PauseTrading_AlreadyPaused_Refused()
    {
        var paused = At(StagePosition.Scale200).PauseTrading(Operator, "holiday", T0.AddDays(1)).Status;

        paused.PauseTrading("system", "losing weeks", T0.AddDays(2)).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.AlreadyPaused);
    }

    [Fact]
    public void ResumeTrading_NotPaused_Refused()
    {
        At(StagePosition.Scale200).ResumeTrading(Operator, "go", T0.AddDays(1)).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.NotPaused);
    }

    [Fact]
    public void ResumeTrading_BySystem_Refused()
    {
        var paused = At(StagePosition.Scale200).PauseTrading("system", "losing weeks", T0.AddDays(1)).Status;

        paused.ResumeTrading("system", "auto", T0.AddDays(2)).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.PersonRequired);
    }

    [Fact]
    public void ResumeTrading_WhileEmergencyStopped_Refused()
    {
        var status = At(StagePosition.Scale200)
            .PauseTrading("system", "losing weeks", T0.AddDays(1)).Status
            .StopEmergency(Operator, "outage", T0.AddDays(1)).Status;

        status.ResumeTrading(Operator, "go", T0.AddDays(2)).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.EmergencyStopped);
    }

    [Fact]
    public void EmergencyStopAndResume_ByNamedPerson_SetsAndClearsTheFlagKeepingThePause()
    {
        var status = At(StagePosition.MicroLive100).PauseTrading("system", "drawdown", T0.AddDays(1)).Status;

        var stopped = status.StopEmergency("system", "equity fell 20%", T0.AddDays(2));
        stopped.Status.Stop.ShouldBe(new EmergencyStop("system", T0.AddDays(2), "equity fell 20%"));
        stopped.Transition.ShouldNotBeNull().Kind.ShouldBe(TransitionKind.EmergencyStop);

        var resumed = stopped.Status.ResumeEmergency("bob", "checked the exchange", T0.AddDays(3));
        resumed.Applied.ShouldBeTrue();
        resumed.Status.IsEmergencyStopped.ShouldBeFalse();
        resumed.Status.IsPaused.ShouldBeTrue();
        resumed.Transition.ShouldBe(new StageTransition(StagePosition.MicroLive100, StagePosition.MicroLive100, TransitionKind.EmergencyResume, "checked the exchange", "bob", T0.AddDays(3)));
    }

    [Fact]
    public void StopEmergency_AlreadyStopped_Refused()
    {
        var stopped = StageStatus.Start(T0).StopEmergency(Operator, "outage", T0).Status;

        stopped.StopEmergency("system", "again", T0.AddMinutes(1)).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.AlreadyStopped);
    }

    [Fact]
    public void ResumeEmergency_NotStopped_Refused()
    {
        StageStatus.Start(T0).ResumeEmergency(Operator, "go", T0).Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.NotStopped);
    }

    [Theory]
    [InlineData("system")]
    [InlineData("SYSTEM ")]
    public void ResumeEmergency_NotANamedPerson_Refused(string by)
    {
        var stopped = StageStatus.Start(T0).StopEmergency(Operator, "outage", T0).Status;

        var result = stopped.ResumeEmergency(by, "auto", T0.AddHours(1));

        result.Refusal.ShouldNotBeNull().Code.ShouldBe(RefusalCode.PersonRequired);
        result.Status.IsEmergencyStopped.ShouldBeTrue();
    }

    [Theory]
    [InlineData("", "why")]
    [InlineData("  ", "why")]
    [InlineData("alice", "")]
    [InlineData("alice", " ")]
    public void Transition_BlankWhoOrWhy_Throws(string by, string reason)
    {
        Should.Throw<ArgumentException>(() => StageStatus.Start(T0).StopEmergency(by, reason, T0));
    }

    [Fact]
    public void Transition_EarlierThanTheLastOne_ThrowsNamingBothTimes()
    {
        var status = StageStatus.Start(T0).StopEmergency(Operator, "outage", T0.AddHours(2)).Status;

        var error = Should.Throw<ArgumentException>(() => status.ResumeEmergency(Operator, "fixed", T0.AddHours(1)));
        error.Message.ShouldContain("2024-03-04T01:00:00");
        error.Message.ShouldContain("2024-03-04T02:00:00");
    }

    [Fact]
    public void Transition_LocalTime_Throws()
    {
        Should.Throw<ArgumentException>(() => StageStatus.Start(T0).PauseTrading(Operator, "x", DateTime.SpecifyKind(T0, DateTimeKind.Local)));
    }

    [Fact]
    public void Constructor_WindowsOutOfOrder_Throws()
    {
        Should.Throw<ArgumentException>(() => new StageStatus(StagePosition.Scale200, T0, T0.AddDays(2), T0.AddDays(1), null, null, []));
    }

    [Fact]
    public void Json_RoundTrip_PreservesEverything()
    {
        var status = At(StagePosition.Scale500)
            .PauseTrading("system", "3 losing weeks (2024-W10, 2024-W11, 2024-W12)", T0.AddDays(21)).Status
            .StopEmergency(Operator, "exchange \"maintenance\"", T0.AddDays(22)).Status;

        var json = JsonSerializer.Serialize(status);
        var back = JsonSerializer.Deserialize<StageStatus>(json).ShouldNotBeNull();

        back.ShouldBe(status);
        back.History.Count.ShouldBe(status.History.Count);
        back.Stop.ShouldNotBeNull().At.Kind.ShouldBe(DateTimeKind.Utc);
        json.ShouldContain("\"Phase\":\"Scale\"");
        json.ShouldContain("\"Capital\":\"Usd500\"");
        json.ShouldContain("\"Kind\":\"EmergencyStop\"");
        json.ShouldNotContain("IsPaused");
        json.ShouldNotContain("Label");
    }

    [Fact]
    public void Json_InconsistentPosition_Throws()
    {
        var json = JsonSerializer.Serialize(At(StagePosition.MicroLive100)).Replace("\"Capital\":\"Usd100\"", "\"Capital\":\"Usd500\"", StringComparison.Ordinal);

        Should.Throw<ArgumentException>(() => JsonSerializer.Deserialize<StageStatus>(json));
    }
}
