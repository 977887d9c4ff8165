using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Models;
using TripleGain.Grains.Stages;

namespace TripleGain.Silo.Tests.Trading;

public sealed class TradingAccountsTests
{
    private static readonly ModelRegistry Models = new([new BaselineModel(), new BuyAndHoldModel()]);

    private static TradingConfig Config(TradingMode mode, bool comparison, IReadOnlyList<string> active, string? fallback = null) =>
        TradingConfig.PaperDefault with
        {
            Mode = mode,
            Models = TradingConfig.PaperDefault.Models with { ComparisonMode = comparison, ActiveModels = active, FallbackModel = fallback },
        };

    [Fact]
    public void Of_PaperComparison_OneAccountPerUsableModel() =>
        TradingAccounts.Of(Config(TradingMode.Paper, true, ["baseline", "claude-not-configured", "buy-and-hold"]), Models)
            .ShouldBe([new TradingAccount("paper:baseline", "baseline", null), new TradingAccount("paper:buy-and-hold", "buy-and-hold", null)]);

    [Fact]
    public void Of_Live_OneLiveAccountWithTheFirstUsableModelAndTheFallback() =>
        TradingAccounts.Of(Config(TradingMode.Live, false, ["claude-not-configured", "baseline"], "buy-and-hold"), Models)
            .ShouldBe([new TradingAccount("live:main", "baseline", "buy-and-hold")]);

    [Fact]
    public void Of_LiveWithNoUsableModel_TheFallbackTrades() =>
        TradingAccounts.Of(Config(TradingMode.Live, false, ["claude-not-configured"], "baseline"), Models)
            .ShouldBe([new TradingAccount("live:main", "baseline", null)]);

    [Fact]
    public void Of_PaperSingleModel_OnePaperAccount() =>
        TradingAccounts.Of(Config(TradingMode.Paper, false, ["buy-and-hold"]), Models)
            .ShouldBe([new TradingAccount("paper:main", "buy-and-hold", null)]);

    [Fact]
    public void Of_LiveWithAChosenUsableModel_TheChosenModelTradesWithTheFallback() =>
        TradingAccounts.Of(Config(TradingMode.Live, false, ["baseline", "buy-and-hold"], "baseline"), Models, "buy-and-hold")
            .ShouldBe([new TradingAccount("live:main", "buy-and-hold", "baseline")]);

    [Fact]
    public void Of_ChosenModelCannotRun_TheConfigurationsRuleApplies() =>
        TradingAccounts.Of(Config(TradingMode.Live, false, ["baseline"], "buy-and-hold"), Models, "claude-not-configured")
            .ShouldBe([new TradingAccount("live:main", "baseline", "buy-and-hold")]);

    [Fact]
    public void Of_ChosenModelIsTheFallback_NoFallbackBesideItself() =>
        TradingAccounts.Of(Config(TradingMode.Paper, false, ["baseline"], "buy-and-hold"), Models, "buy-and-hold")
            .ShouldBe([new TradingAccount("paper:main", "buy-and-hold", null)]);

    [Fact]
    public void Of_PaperComparisonWithAChosenModel_IgnoresIt() =>
        TradingAccounts.Of(Config(TradingMode.Paper, true, ["baseline", "buy-and-hold"]), Models, "buy-and-hold")
            .Select(a => a.ModelId).ShouldBe(["baseline", "buy-and-hold"]);

    [Theory]
    [InlineData(TradingMode.Paper, true, null)]
    [InlineData(TradingMode.Paper, false, "paper:main")]
    [InlineData(TradingMode.Live, false, "live:main")]
    [InlineData(TradingMode.Live, true, "live:main")]
    public void SingleAccountId_ByModeAndComparison(TradingMode mode, bool comparison, string? expected) =>
        TradingAccounts.SingleAccountId(Config(mode, comparison, ["baseline"])).ShouldBe(expected);
}
