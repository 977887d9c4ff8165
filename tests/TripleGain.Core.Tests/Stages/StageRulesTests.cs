using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using static TripleGain.Core.Tests.Stages.StageFixtures;

namespace TripleGain.Core.Tests.Stages;

public class StageRulesTests
{
    [Fact]
    public void For_Paper_AllPairsAllModelsNoApprovalAutoSwitchAllowed()
    {
        var rules = StageRules.For(StageStatus.Start(T0), T0.AddDays(3));

        rules.TradingAllowed.ShouldBeTrue();
        rules.AllowedPairs.ShouldBe(Pair.All);
        rules.CapitalLimitUsd.ShouldBeNull();
        rules.MaxSingleOrderUsd.ShouldBeNull();
        rules.MaxTradesPerDay.ShouldBe(10);
        rules.RequiresApproval(10_000m).ShouldBeFalse();
        rules.AutoSwitchAllowed.ShouldBeTrue();
        rules.Lineup.ShouldBe(ModelLineup.AllActive);
        rules.ApprovalExpiry.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void For_Foundation_NoTradesUntilPromotedToPaper()
    {
        var rules = StageRules.For(StageStatus.Start(T0, Phase.Foundation), T0.AddDays(3));

        rules.TradingAllowed.ShouldBeFalse();
        rules.HaltReason.ShouldBe("phase 1 foundation: promote to paper trading to start");
        rules.AllowedPairs.ShouldBeEmpty();
        rules.MaxTradesPerDay.ShouldBe(0);
        rules.Lineup.ShouldBe(ModelLineup.None);
        rules.ModelsToRun(["baseline", "buy-and-hold"], null, null).ShouldBeEmpty();
        rules.AutoSwitchAllowed.ShouldBeFalse();
        rules.ApplyTo(TradingConstraints.Default).AllowedPairs.ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => rules.RequiresApproval(10m)).Message.ShouldContain("phase 1 foundation");
    }

    [Fact]
    public void For_FoundationPromotedToPaper_TradesAllPairs()
    {
        var gate = PhaseGates.FoundationToPaper;
        var ticks = gate.ManualItems.Select(i => new ManualTick(gate.Id, i.Id, "alice", T0.AddHours(1), "checked")).ToList();
        var promoted = StageStatus.Start(T0, Phase.Foundation)
            .Promote(GateEvaluator.Evaluate(gate, new GateInputs(), ticks), "alice", "foundation done", T0.AddHours(2));
        promoted.Applied.ShouldBeTrue();

        var rules = StageRules.For(promoted.Status, T0.AddHours(3));

        rules.Position.ShouldBe(StagePosition.PaperTrading);
        rules.TradingAllowed.ShouldBeTrue();
        rules.HaltReason.ShouldBeNull();
        rules.AllowedPairs.ShouldBe(Pair.All);
        rules.Lineup.ShouldBe(ModelLineup.AllActive);
    }

    [Fact]
    public void For_FoundationUnderEmergencyStop_TheStopIsTheReason()
    {
        var stopped = StageStatus.Start(T0, Phase.Foundation).StopEmergency("alice", "drill", T0.AddHours(1)).Status;

        var rules = StageRules.For(stopped, T0.AddHours(2));

        rules.TradingAllowed.ShouldBeFalse();
        rules.HaltReason!.ShouldStartWith("emergency stop by alice");
    }

    [Theory]
    [InlineData(Phase.MicroLive)]
    [InlineData(Phase.Scale)]
    [InlineData((Phase)0)]
    public void StageRuleSettings_StartPhaseNotOneOrTwo_Throws(Phase phase) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StageRuleSettings { StartPhase = phase }).ParamName.ShouldBe("StartPhase");

    [Fact]
    public void StageRuleSettings_Default_StartsInPaperTrading() =>
        StageRuleSettings.Default.StartPhase.ShouldBe(Phase.PaperTrading);

    [Fact]
    public void For_MicroLive_TwoUsdtPairsHundredDollarsFiftyPerOrderFiveTrades()
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0.AddDays(20));

        rules.AllowedPairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt]);
        rules.AllowsPair(Pair.XrpBtc).ShouldBeFalse();
        rules.CapitalLimitUsd.ShouldBe(100m);
        rules.MaxSingleOrderUsd.ShouldBe(50m);
        rules.MaxTradesPerDay.ShouldBe(5);
        rules.AutoSwitchAllowed.ShouldBeFalse();
        rules.Lineup.ShouldBe(ModelLineup.BestWithFallback);
    }

    [Theory]
    [InlineData("Usd200", 50)]
    [InlineData("Usd500", 125)]
    [InlineData("Usd1000", 250)]
    [InlineData("Usd2100", 525)]
    public void For_Scale_AllPairsQuarterOfCapitalPerOrderNoApproval(string capital, int maxOrder)
    {
        var position = new StagePosition(Phase.Scale, Enum.Parse<CapitalStage>(capital));
        var rules = StageRules.For(At(position), T0.AddHours(1));

        rules.AllowedPairs.ShouldBe(Pair.All);
        rules.CapitalLimitUsd.ShouldBe(position.CapitalUsd);
        rules.MaxSingleOrderUsd.ShouldBe(maxOrder);
        rules.MaxTradesPerDay.ShouldBe(10);
        rules.RequiresApproval(maxOrder).ShouldBeFalse();
        rules.AutoSwitchAllowed.ShouldBeFalse();
    }

    [Fact]
    public void For_ScaleWithAutoSwitchSetting_AllowsAutoSwitch()
    {
        var rules = StageRules.For(At(StagePosition.Scale500), T0, new StageRuleSettings { AutoSwitchInScale = true });

        rules.AutoSwitchAllowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(25)]
    [InlineData(50)]
    public void RequiresApproval_MicroLiveWeekOne_EveryTrade(int usd)
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0.AddDays(7).AddTicks(-1));

        rules.WeekOfPhase.ShouldBe(1);
        rules.RequiresApproval(usd).ShouldBeTrue();
        rules.ApprovalRule.ShouldContain("every trade");
    }

    [Theory]
    [InlineData("0", false)]
    [InlineData("24.99", false)]
    [InlineData("25", false)]
    [InlineData("25.00", false)]
    [InlineData("25.01", true)]
    [InlineData("50", true)]
    public void RequiresApproval_MicroLiveWeekTwo_OnlyOverTwentyFive(string usd, bool expected)
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0.AddDays(7));

        rules.WeekOfPhase.ShouldBe(2);
        rules.RequiresApproval(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(expected);
        rules.ApprovalRule.ShouldContain("over $25");
    }

    [Theory]
    [InlineData(14)]
    [InlineData(27)]
    [InlineData(40)]
    public void RequiresApproval_MicroLiveWeekThreeOn_None(int days)
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0.AddDays(days));

        rules.RequiresApproval(50m).ShouldBeFalse();
        rules.ApprovalRule.ShouldBe("no approval needed");
    }

    [Fact]
    public void RequiresApproval_NegativeNotional_Throws()
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0);

        Should.Throw<ArgumentOutOfRangeException>(() => rules.RequiresApproval(-1m));
    }

    [Fact]
    public void For_EmergencyStopped_NothingTradesAndNoModelRuns()
    {
        var status = At(StagePosition.Scale500).StopEmergency(Operator, "exchange outage", T0.AddHours(2)).Status;

        var rules = StageRules.For(status, T0.AddHours(3));

        rules.TradingAllowed.ShouldBeFalse();
        rules.HaltReason.ShouldNotBeNull().ShouldContain("emergency stop by alice");
        rules.HaltReason.ShouldContain("exchange outage");
        rules.AllowedPairs.ShouldBeEmpty();
        rules.MaxTradesPerDay.ShouldBe(0);
        rules.MaxSingleOrderUsd.ShouldBe(0m);
        rules.Lineup.ShouldBe(ModelLineup.None);
        rules.AutoSwitchAllowed.ShouldBeFalse();
        rules.ModelsToRun(["baseline"], "claude", "qwen").ShouldBeEmpty();
        Should.Throw<InvalidOperationException>(() => rules.RequiresApproval(10m)).Message.ShouldContain("exchange outage");
    }

    [Fact]
    public void For_EmergencyStoppedInPaper_NothingTrades()
    {
        var status = StageStatus.Start(T0).StopEmergency(Operator, "test", T0).Status;

        var rules = StageRules.For(status, T0);

        rules.TradingAllowed.ShouldBeFalse();
        rules.ApplyTo(TradingConstraints.Default).MaxTradesPerDay.ShouldBe(0);
    }

    [Fact]
    public void For_Paused_NothingTrades()
    {
        var status = At(StagePosition.MicroLive100).PauseTrading("system", "3 losing weeks", T0.AddDays(21)).Status;

        var rules = StageRules.For(status, T0.AddDays(22));

        rules.TradingAllowed.ShouldBeFalse();
        rules.HaltReason.ShouldNotBeNull().ShouldContain("paused by system");
        rules.AllowedPairs.ShouldBeEmpty();
    }

    [Fact]
    public void ApplyTo_LiveConfig_TakesTheStricterOfEachLimit()
    {
        var rules = StageRules.For(At(StagePosition.Scale200), T0);
        var config = TradingConstraints.Default with { MaxTradesPerDay = 5, MaxSingleOrderUsd = 500m, AllowedPairs = [Pair.BtcUsdt, Pair.XrpBtc] };

        var applied = rules.ApplyTo(config);

        applied.MaxTradesPerDay.ShouldBe(5);
        applied.MaxSingleOrderUsd.ShouldBe(50m);
        applied.AllowedPairs.ShouldBe([Pair.BtcUsdt, Pair.XrpBtc]);
        applied.RiskPerTradePct.ShouldBe(config.RiskPerTradePct);
    }

    [Fact]
    public void ApplyTo_MicroLive_DropsTheCrossPair()
    {
        var applied = StageRules.For(At(StagePosition.MicroLive100), T0).ApplyTo(TradingConstraints.Default);

        applied.AllowedPairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt]);
        applied.MaxSingleOrderUsd.ShouldBe(50m);
    }

    [Fact]
    public void ModelsToRun_Paper_EveryActiveModel()
    {
        var rules = StageRules.For(StageStatus.Start(T0), T0);

        rules.ModelsToRun(["baseline", "buy-and-hold", "claude", "claude"], "claude", "qwen").ShouldBe(["baseline", "buy-and-hold", "claude"]);
    }

    [Fact]
    public void ModelsToRun_Live_BestAndLocalFallback()
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0);

        rules.ModelsToRun(["baseline", "claude", "gpt-4o"], "claude", "qwen").ShouldBe(["claude", "qwen"]);
        rules.ModelsToRun(["baseline"], null, "buy-and-hold").ShouldBe(["baseline", "buy-and-hold"]);
        rules.ModelsToRun(["qwen"], "qwen", "qwen").ShouldBe(["qwen"]);
    }

    [Fact]
    public void ApprovalExpiresAt_CustomExpiry_AddsIt()
    {
        var rules = StageRules.For(At(StagePosition.MicroLive100), T0, new StageRuleSettings { ApprovalExpiry = TimeSpan.FromMinutes(10) });

        rules.ApprovalExpiresAt(T0.AddHours(1)).ShouldBe(T0.AddHours(1).AddMinutes(10));
    }

    [Fact]
    public void Settings_BadValues_ThrowNamingTheSetting()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new StageRuleSettings { ApprovalExpiry = TimeSpan.Zero }).ParamName.ShouldBe("ApprovalExpiry");
        Should.Throw<ArgumentOutOfRangeException>(() => new StageRuleSettings { ScaleMaxOrderFraction = 1.5m }).ParamName.ShouldBe("ScaleMaxOrderFraction");
        Should.Throw<ArgumentOutOfRangeException>(() => new StageRuleSettings { MicroLiveMaxTradesPerDay = 0 }).ParamName.ShouldBe("MicroLiveMaxTradesPerDay");
        Should.Throw<ArgumentOutOfRangeException>(() => new StageRuleSettings { Week2ApprovalAboveUsd = -1m }).ParamName.ShouldBe("Week2ApprovalAboveUsd");
        Should.Throw<ArgumentException>(() => new StageRuleSettings { MicroLivePairs = [] }).Message.ShouldContain("MicroLivePairs");
    }
}
