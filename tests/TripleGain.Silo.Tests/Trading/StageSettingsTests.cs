using TripleGain.Core.Configuration;
using TripleGain.Core.Stages;
using TripleGain.Grains.Stages;

namespace TripleGain.Silo.Tests.Trading;

public class StageSettingsTests
{
    [Fact]
    public void From_PaperDefault_NewAccountsStartInPaperTradingApprovalsExpireAfterTheSafetyTimeout()
    {
        var settings = StageSettings.From(TradingConfig.PaperDefault);

        settings.StartPhase.ShouldBe(Phase.PaperTrading);
        settings.ApprovalExpiry.ShouldBe(TradingConfig.PaperDefault.Safety.ApprovalTimeout);
    }

    [Fact]
    public void From_StartPhaseOne_NewAccountsStartInFoundationAndTheOtherSettingsStay()
    {
        var config = TradingConfigYaml.Parse("stages:\n  start_phase: 1\nsafety:\n  approval_timeout_minutes: 10\n", "x.yaml");

        var settings = StageSettings.From(config);

        settings.StartPhase.ShouldBe(Phase.Foundation);
        settings.ApprovalExpiry.ShouldBe(TimeSpan.FromMinutes(10));
        settings.PaperPairs.ShouldBe(StageRuleSettings.Default.PaperPairs);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void From_AutoSwitchEnabled_AllowsSwitchingAtTheScaleStagesButNeverInMicroLive(bool enabled)
    {
        var config = TradingConfigYaml.Parse($"models:\n  auto_switch_enabled: {(enabled ? "true" : "false")}\n", "x.yaml");

        var settings = StageSettings.From(config);

        settings.AutoSwitchInScale.ShouldBe(enabled);
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        StageRules.For(StageStatus.Start(now) with { Position = StagePosition.Scale500 }, now, settings).AutoSwitchAllowed.ShouldBe(enabled);
        StageRules.For(StageStatus.Start(now) with { Position = StagePosition.MicroLive100 }, now, settings).AutoSwitchAllowed.ShouldBeFalse();
    }
}
