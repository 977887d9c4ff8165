using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;
using static TripleGain.Core.Tests.Stages.StageFixtures;

namespace TripleGain.Core.Tests.Stages;

public class GateEvaluatorTests
{
    private static readonly PhaseGate Gate = PhaseGates.PaperToMicroLive;

    private static CriterionResult Criterion(GateEvaluation evaluation, string id) => evaluation.Criteria.Single(c => c.Criterion.Id == id);

    [Fact]
    public void Evaluate_AllFiguresGoodAndAllTicked_Passes()
    {
        var evaluation = GateEvaluator.Evaluate(Gate, Good, AllTicks(Gate, T0));

        evaluation.Passed.ShouldBeTrue();
        evaluation.Blockers.ShouldBeEmpty();
        evaluation.Criteria.Count.ShouldBe(9);
        evaluation.Criteria.ShouldAllBe(c => c.Status == GateCheckStatus.Pass);
        Criterion(evaluation, "sharpe").Detail.ShouldBe("sharpe 1.50 >= 1.00: pass");
        Criterion(evaluation, "max-drawdown").Detail.ShouldBe("max-drawdown 5.00% <= 15.00%: pass");
        Criterion(evaluation, "latency-p95").Detail.ShouldBe("latency-p95 4.0 s <= 10.0 s: pass");
        Criterion(evaluation, "paper-days").Value.ShouldBe(31);
    }

    [Fact]
    public void Evaluate_ValuesExactlyAtTheThresholds_Pass()
    {
        var atThresholds = Good with
        {
            PaperTradingDays = 30,
            TradeCount = 20,
            Sharpe = 1.0,
            MaxDrawdown = 0.15,
            WinRate = 0.45,
            ProfitFactor = 1.3,
            Uptime = 0.99,
            DecisionLatencyP95 = TimeSpan.FromSeconds(10),
            ParseSuccessRate = 0.98,
        };

        GateEvaluator.Evaluate(Gate, atThresholds, AllTicks(Gate, T0)).Criteria.ShouldAllBe(c => c.Status == GateCheckStatus.Pass);
    }

    [Fact]
    public void Evaluate_ValuesJustBeyondTheThresholds_Fail()
    {
        var beyond = Good with
        {
            PaperTradingDays = 29.9,
            TradeCount = 19,
            Sharpe = 0.99,
            MaxDrawdown = 0.1501,
            WinRate = 0.449,
            ProfitFactor = 1.29,
            Uptime = 0.9899,
            DecisionLatencyP95 = TimeSpan.FromSeconds(10.1),
            ParseSuccessRate = 0.9799,
        };

        var evaluation = GateEvaluator.Evaluate(Gate, beyond, AllTicks(Gate, T0));

        evaluation.Criteria.ShouldAllBe(c => c.Status == GateCheckStatus.Fail);
        evaluation.Passed.ShouldBeFalse();
        evaluation.Blockers.Count.ShouldBe(9);
        Criterion(evaluation, "win-rate").Detail.ShouldBe("win-rate 44.90% >= 45.00%: fail");
    }

    [Fact]
    public void Evaluate_MissingValue_IsUnknownAndBlocks()
    {
        var evaluation = GateEvaluator.Evaluate(Gate, Good with { Uptime = null }, AllTicks(Gate, T0));

        var uptime = Criterion(evaluation, "uptime");
        uptime.Status.ShouldBe(GateCheckStatus.Unknown);
        uptime.Value.ShouldBeNull();
        uptime.Detail.ShouldBe("uptime not measured yet (needs >= 99.00%): unknown");
        evaluation.Passed.ShouldBeFalse();
        evaluation.Blockers.ShouldBe([uptime.Detail]);
    }

    [Fact]
    public void Evaluate_NothingMeasured_EveryCriterionUnknown()
    {
        var evaluation = GateEvaluator.Evaluate(Gate, GateInputs.None, []);

        evaluation.Criteria.ShouldAllBe(c => c.Status == GateCheckStatus.Unknown);
        evaluation.ManualItems.ShouldAllBe(m => !m.Ticked);
        evaluation.Blockers.Count.ShouldBe(Gate.Criteria.Count + Gate.ManualItems.Count);
    }

    [Fact]
    public void Evaluate_UnboundedProfitFactor_Passes()
    {
        var evaluation = GateEvaluator.Evaluate(Gate, Good with { ProfitFactor = null, ProfitFactorUnbounded = true }, AllTicks(Gate, T0));

        var profitFactor = Criterion(evaluation, "profit-factor");
        profitFactor.Status.ShouldBe(GateCheckStatus.Pass);
        profitFactor.Detail.ShouldContain("unbounded");
    }

    [Fact]
    public void Evaluate_OneItemNotTicked_BlocksWithItsId()
    {
        var ticks = AllTicks(Gate, T0).Where(t => t.ItemId != "api-keys-trade-only").ToArray();

        var evaluation = GateEvaluator.Evaluate(Gate, Good, ticks);

        evaluation.Passed.ShouldBeFalse();
        evaluation.Blockers.ShouldBe(["api-keys-trade-only: not ticked"]);
    }

    [Fact]
    public void Evaluate_TicksOfAnotherGate_DoNotCount()
    {
        var other = PhaseGates.MicroLiveToScale;
        var ticks = Gate.ManualItems.Select(i => new ManualTick(other.Id, i.Id, Operator, T0, null)).ToArray();

        GateEvaluator.Evaluate(Gate, Good, ticks).ManualItems.ShouldAllBe(m => !m.Ticked);
    }

    [Fact]
    public void Evaluate_SeveralTicksOfOneItem_KeepsTheLatest()
    {
        var item = Gate.ManualItems[0].Id;
        ManualTick[] ticks = [new(Gate.Id, item, "bob", T0.AddHours(2), "second"), new(Gate.Id, item, Operator, T0, "first")];

        var result = GateEvaluator.Evaluate(Gate, Good, ticks).ManualItems[0];

        result.Tick.ShouldNotBeNull().Note.ShouldBe("second");
        result.Tick.By.ShouldBe("bob");
    }

    [Fact]
    public void Evaluate_TickWithoutPerson_Throws()
    {
        ManualTick[] ticks = [new(Gate.Id, Gate.ManualItems[0].Id, " ", T0, null)];

        Should.Throw<ArgumentException>(() => GateEvaluator.Evaluate(Gate, Good, ticks)).Message.ShouldContain("manualTicks[0]");
    }

    [Theory]
    [InlineData(nameof(GateInputs.Sharpe))]
    [InlineData(nameof(GateInputs.Uptime))]
    [InlineData(nameof(GateInputs.MaxDrawdown))]
    [InlineData(nameof(GateInputs.PaperTradingDays))]
    [InlineData(nameof(GateInputs.ProfitFactor))]
    public void Evaluate_InvalidFigure_ThrowsNamingIt(string field)
    {
        var inputs = field switch
        {
            nameof(GateInputs.Sharpe) => Good with { Sharpe = double.NaN },
            nameof(GateInputs.Uptime) => Good with { Uptime = 1.2 },
            nameof(GateInputs.MaxDrawdown) => Good with { MaxDrawdown = -0.1 },
            nameof(GateInputs.PaperTradingDays) => Good with { PaperTradingDays = -1 },
            _ => Good with { ProfitFactorUnbounded = true },
        };

        Should.Throw<ArgumentException>(() => GateEvaluator.Evaluate(Gate, inputs, [])).Message.ShouldContain(field);
    }

    [Fact]
    public void Evaluate_LiveGate_ChecksPnlSlippageAndFillRate()
    {
        var gate = PhaseGates.MicroLiveToScale;
        var inputs = Good with { LivePnlUsd = -0.01m, AverageSlippage = 0.006, FillRate = 0.94 };

        var evaluation = GateEvaluator.Evaluate(gate, inputs, AllTicks(gate, T0));

        evaluation.Blockers.ShouldBe(
        [
            "live-pnl $-0.01 >= $0.00: fail",
            "slippage 0.60% <= 0.50%: fail",
            "fill-rate 94.00% >= 95.00%: fail",
        ]);
    }

    [Fact]
    public void WithPerformance_Report_CopiesTheTradeAndReturnFigures()
    {
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        EquityPoint[] curve = [new(start, 1000m), new(start.AddDays(1), 1100m), new(start.AddDays(2), 990m), new(start.AddDays(3), 1050m)];
        var report = PerformanceReport.Compute(curve, []);

        var inputs = GateInputs.None.WithPerformance(report);

        inputs.TradeCount.ShouldBe(0);
        inputs.Sharpe.ShouldBe(report.Sharpe);
        inputs.MaxDrawdown.ShouldNotBeNull().ShouldBe(0.1, 1e-12);
        inputs.WinRate.ShouldBeNull();
        inputs.ProfitFactor.ShouldBeNull();
        inputs.ProfitFactorUnbounded.ShouldBeFalse();
    }

    [Fact]
    public void PhaseGates_EveryStepBelowFullCapital_HasExactlyOneGate()
    {
        foreach (var position in StagePosition.Ladder.SkipLast(1))
        {
            var gate = PhaseGates.For(position).ShouldNotBeNull();
            gate.To.ShouldBe(position.Next.ShouldNotBeNull());
        }

        PhaseGates.For(StagePosition.Scale2100).ShouldBeNull();
        PhaseGates.All.Select(g => g.Id).Distinct().Count().ShouldBe(6);
    }

    [Fact]
    public void PhaseGates_PaperToMicroLive_HasTheSeedThresholdsAndManualSafetyItems()
    {
        Gate.Criteria.Select(c => c.ToString()).ShouldBe(
        [
            "paper-days >= 30 days",
            "trades >= 20",
            "sharpe >= 1.00",
            "max-drawdown <= 15.00%",
            "win-rate >= 45.00%",
            "profit-factor >= 1.30",
            "uptime >= 99.00%",
            "latency-p95 <= 10.0 s",
            "parse-success >= 98.00%",
        ]);
        Gate.ManualItems.Select(i => i.Id).ShouldContain("emergency-stop-tested");
        Gate.ManualItems.Select(i => i.Id).ShouldContain("api-keys-trade-only");
        Gate.ManualItems.Select(i => i.Id).ShouldContain("incident-response-plan");
        Gate.ManualItems.Select(i => i.Id).ShouldContain("backups-verified");
    }

    [Fact]
    public void PhaseGate_ToThatIsNotTheNextStep_Throws()
    {
        Should.Throw<ArgumentException>(() => new PhaseGate("skip", StagePosition.PaperTrading, StagePosition.Scale200, [], []))
            .Message.ShouldContain("phase 3 micro-live $100");
    }

    [Fact]
    public void PhaseGate_RepeatedId_Throws()
    {
        Should.Throw<ArgumentException>(() => new PhaseGate(
            "g",
            StagePosition.Scale200,
            StagePosition.Scale500,
            [new("x", "x", GateMetric.Sharpe, GateComparison.AtLeast, 1)],
            [new("x", "x")]));
    }

    [Fact]
    public void GateEvaluation_Json_RoundTripsTheResults()
    {
        var evaluation = GateEvaluator.Evaluate(Gate, Good with { Uptime = null }, AllTicks(Gate, T0));

        var back = System.Text.Json.JsonSerializer.Deserialize<GateEvaluation>(System.Text.Json.JsonSerializer.Serialize(evaluation)).ShouldNotBeNull();

        back.ShouldBe(evaluation);
        back.Blockers.ShouldBe(evaluation.Blockers);
    }
}
