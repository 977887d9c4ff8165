using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;

namespace TripleGain.Core.Tests.Configuration;

public class TradingConfigYamlTests
{
    private static string ConfigFile(string name) => Path.Combine(AppContext.BaseDirectory, "config", name);

    [Fact]
    public void Load_PaperConfig_ReadsEveryKey()
    {
        var config = TradingConfigYaml.Load(ConfigFile("paper_trading_config.yaml"));

        config.Mode.ShouldBe(TradingMode.Paper);
        config.Pairs.ShouldBe([Pair.BtcUsdt, Pair.XrpUsdt, Pair.XrpBtc]);
        config.StartingCapital[Asset.USDT].ShouldBe(1000m);
        config.StartingCapital[Asset.XRP].ShouldBe(500m);
        config.MakerFee.ShouldBe(0.0025m);
        config.TakerFee.ShouldBe(0.004m);
        config.Constraints.RiskPerTradePct.ShouldBe(2m);
        config.Constraints.ConfidenceThreshold.ShouldBe(0.6);
        config.Constraints.MaxTradesPerDay.ShouldBe(10);
        config.Constraints.AllowedPairs.Count.ShouldBe(3);
        config.Models.ComparisonMode.ShouldBeTrue();
        config.Models.ActiveModels.ShouldBe(["baseline", "buy-and-hold"]);
        config.Cycle.Interval.ShouldBe(TimeSpan.FromSeconds(60));
        config.Cycle.DecisionInterval.ShouldBe(TimeSpan.FromSeconds(300));
        config.Safety.ApprovalTimeout.ShouldBe(TimeSpan.FromMinutes(30));
        config.Stages.StartPhase.ShouldBe(Phase.PaperTrading);
    }

    [Fact]
    public void Load_LiveConfig_IsValidAndStricter()
    {
        var config = TradingConfigYaml.Load(ConfigFile("live_trading_config.yaml"));

        config.Mode.ShouldBe(TradingMode.Live);
        config.Constraints.MaxLeverage.ShouldBe(1m);
        config.Models.FallbackModel.ShouldBe("buy-and-hold");
        config.StartingCapital[Asset.USDT].ShouldBe(100m);
    }

    [Fact]
    public void Parse_EmptyDocument_UsesPaperDefaults()
    {
        var config = TradingConfigYaml.Parse("", "empty.yaml");

        config.Constraints.MaxDrawdownPct.ShouldBe(TradingConfig.PaperDefault.Constraints.MaxDrawdownPct);
        config.Pairs.ShouldBe(Pair.All);
        config.Stages.StartPhase.ShouldBe(Phase.PaperTrading);
    }

    [Theory]
    [InlineData("1", Phase.Foundation)]
    [InlineData("2", Phase.PaperTrading)]
    public void Parse_StartPhase_IsThePhaseOfNewAccounts(string value, Phase expected)
    {
        var config = TradingConfigYaml.Parse($"stages:\n  start_phase: {value}\n", "x.yaml");

        config.Stages.StartPhase.ShouldBe(expected);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("foundation")]
    [InlineData("1.0")]
    public void Parse_StartPhaseNotOneOrTwo_ThrowsNamingTheKey(string value)
    {
        var ex = Should.Throw<TradingConfigException>(() => TradingConfigYaml.Parse($"stages:\n  start_phase: {value}\n", "x.yaml"));

        ex.Message.ShouldStartWith($"x.yaml: stages.start_phase = '{value}': must be 1 (foundation");
        ex.Key.ShouldBe("stages.start_phase");
        ex.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Parse_UnknownStagesKey_Throws()
    {
        var ex = Should.Throw<TradingConfigException>(() => TradingConfigYaml.Parse("stages:\n  start_fase: 1\n", "x.yaml"));

        ex.Message.ShouldStartWith("x.yaml: stages.start_fase = '(missing)': unknown key");
    }

    [Fact]
    public void StagesConfig_LivePhase_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new StagesConfig(Phase.MicroLive)).ParamName.ShouldBe("startPhase");

    [Theory]
    [InlineData("constraints:\n  max_leverage: -1\n", "x.yaml: constraints.max_leverage = '-1': must be between 1 and 5")]
    [InlineData("constraints:\n  max_levrage: 2\n", "x.yaml: constraints.max_levrage = '(missing)': unknown key")]
    [InlineData("trading:\n  pairs: [BTC/USDT, ETH/USDT]\n", "x.yaml: trading.pairs = 'ETH/USDT': unknown pair")]
    [InlineData("trading:\n  mode: demo\n", "x.yaml: trading.mode = 'demo': must be one of paper, live")]
    [InlineData("constraints:\n  confidence_threshold: high\n", "x.yaml: constraints.confidence_threshold = 'high': must be a number")]
    [InlineData("cycle:\n  interval_seconds: 60\n  llm_query_interval_seconds: 90\n", "x.yaml: cycle.llm_query_interval_seconds = '90': must be a whole multiple")]
    [InlineData("trading:\n  starting_capital:\n    DOGE: 5\n", "x.yaml: trading.starting_capital.DOGE = 'DOGE': unknown asset")]
    [InlineData("models:\n  active_models: []\n", "x.yaml: models.active_models = '[]': at least one model")]
    [InlineData("models:\n  comparison_mode: maybe\n", "x.yaml: models.comparison_mode = 'maybe': must be true or false")]
    [InlineData("constraints: 5\n", "x.yaml: constraints = '5': must be a section")]
    public void Parse_BadValue_ThrowsOneLineNamingKeyValueAndRule(string yaml, string expectedStart)
    {
        var ex = Should.Throw<TradingConfigException>(() => TradingConfigYaml.Parse(yaml, "x.yaml"));

        ex.Message.ShouldStartWith(expectedStart);
        ex.Message.ShouldNotContain("\n");
    }

    [Fact]
    public void Parse_InvalidYaml_NamesTheLine()
    {
        var ex = Should.Throw<TradingConfigException>(() => TradingConfigYaml.Parse("trading:\n  pairs: [BTC/USDT\n", "x.yaml"));

        ex.Message.ShouldContain("x.yaml: line");
    }

    [Fact]
    public void Load_MissingFile_SaysNotFound() =>
        Should.Throw<TradingConfigException>(() => TradingConfigYaml.Load("/nonexistent/cfg.yaml")).Message.ShouldContain("not found");
}
