using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Backtesting;

/// <summary>Sources, options and runs shared by the backtest tests.</summary>
internal static class BacktestScenario
{
    public static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A 20-day baseline run on the seed-42 simulated market, 1,000 USDT only, the two USDT pairs (computed once).</summary>
    private static readonly Lazy<Task<BacktestResult>> TwentyDays = new(() =>
        RunAsync(Sim(), new BaselineModel(), UsdtOnly(Start, Start.AddDays(20)) with { Pairs = [Pair.BtcUsdt, Pair.XrpUsdt] }));

    public static Task<BacktestResult> TwentyDayBaselineAsync() => TwentyDays.Value;

    public static SimulatedCandleSource Sim(long seed = 42) => new(new SimulatedMarketOptions { Seed = seed, Start = Start });

    public static BacktestOptions UsdtOnly(DateTime from, DateTime to, decimal usdt = 1000m) => new()
    {
        From = from,
        To = to,
        StartingBalances = new Dictionary<Asset, decimal> { [Asset.USDT] = usdt },
    };

    public static async Task<BacktestResult> RunAsync(ICandleSource source, IDecisionModel model, BacktestOptions options) =>
        await new BacktestEngine(source, model, options).RunAsync(TestContext.Current.CancellationToken);

    /// <summary>The candles of a source in memory (so they can be edited).</summary>
    public static Dictionary<Pair, List<Candle>> Candles(ICandleSource source, DateTime from, DateTime to)
    {
        var candles = new Dictionary<Pair, List<Candle>>();
        foreach (var pair in source.Pairs)
        {
            candles[pair] = source.GetCandles(pair, from, to).ToList();
        }

        return candles;
    }

    public static MemoryCandleSource Memory(Dictionary<Pair, List<Candle>> candles) =>
        new(candles.ToDictionary(c => c.Key, c => (IReadOnlyList<Candle>)c.Value));
}
