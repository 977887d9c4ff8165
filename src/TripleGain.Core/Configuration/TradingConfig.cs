using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Core.Configuration;

/// <summary>
/// A validated trading configuration (paper_trading_config.yaml or live_trading_config.yaml). Fees are fractions
/// (0.0025 = 0.25%); <see cref="StartingCapital"/> is per account. <see cref="Stages"/> (the <c>stages.*</c> section) is an
/// init property rather than a constructor parameter so that existing constructions keep compiling; it defaults to
/// <see cref="StagesConfig.Default"/> (new accounts start in phase 2 paper trading).
/// </summary>
public sealed record TradingConfig(
    TradingMode Mode,
    string Exchange,
    IReadOnlyList<Pair> Pairs,
    IReadOnlyDictionary<Asset, decimal> StartingCapital,
    decimal MakerFee,
    decimal TakerFee,
    decimal SlippageBps,
    TradingConstraints Constraints,
    ModelsConfig Models,
    CycleConfig Cycle,
    MonitoringConfig Monitoring,
    SafetyConfig Safety)
{
    /// <summary>The <c>stages.*</c> section: the phase new accounts start in.</summary>
    public StagesConfig Stages { get; init; } = StagesConfig.Default;

    /// <summary>The defaults of paper_trading_config.yaml, for code paths that run without a file (tests, CLI).</summary>
    public static TradingConfig PaperDefault { get; } = new(
        TradingMode.Paper,
        "kraken",
        Pair.All,
        new Dictionary<Asset, decimal> { [Asset.USDT] = 1000m, [Asset.XRP] = 500m },
        PairCatalog.DefaultMakerFee,
        PairCatalog.DefaultTakerFee,
        5m,
        TradingConstraints.Default with { AllowedPairs = Pair.All },
        new ModelsConfig(true, ["baseline", "buy-and-hold"], null, 30, false, TimeSpan.FromSeconds(30)),
        new CycleConfig(TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(300)),
        new MonitoringConfig(TimeSpan.FromSeconds(300), 5m, true),
        new SafetyConfig(20m, 5m, TimeSpan.FromMinutes(30)));
}
