using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Benchmarks;

/// <summary>
/// The benchmarks' workloads, shared by BenchmarkDotNet, the quick mode and the test that keeps them from rotting.
/// Candles come from the seeded simulated market, generated once and held in memory so generation is not measured.
/// </summary>
public static class Workloads
{
    public static readonly DateTime Start = SimulatedMarketOptions.DefaultStart;

    /// <summary><paramref name="count"/> 1-minute BTC/USDT candles from <see cref="Start"/>.</summary>
    public static Candle[] MinuteCandles(int count, long seed = 42)
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = seed, Start = Start }, [Pair.BtcUsdt]);
        var candles = new Candle[count];
        var i = 0;
        foreach (var candle in source.GetCandles(Pair.BtcUsdt, Start, Start.AddMinutes(count)))
        {
            candles[i++] = candle;
        }

        return candles;
    }

    /// <summary>The three pairs' 1-minute candles over <paramref name="days"/> days from <see cref="Start"/>, in memory.</summary>
    public static MemoryCandleSource Market(int days, long seed = 42)
    {
        var source = new SimulatedCandleSource(new SimulatedMarketOptions { Seed = seed, Start = Start });
        var series = new Dictionary<Pair, List<Candle>>();
        foreach (var pair in source.Pairs)
        {
            series[pair] = new List<Candle>(days * 1440);
        }

        foreach (var bar in source.GetBars(Start, Start.AddDays(days)))
        {
            series[bar.Pair].Add(bar.Candle);
        }

        return new MemoryCandleSource(series.ToDictionary(s => s.Key, s => (IReadOnlyList<Candle>)s.Value));
    }

    /// <summary>Streams the whole indicator set over the candles; returns a value of the last one so nothing is optimized away.</summary>
    public static double StreamIndicators(Candle[] candles)
    {
        var stream = new IndicatorSetStream();
        IndicatorValues? last = null;
        for (var i = 0; i < candles.Length; i++)
        {
            last = stream.Add(candles[i]);
        }

        return last?.EmaSlow ?? 0;
    }

    /// <summary>A baseline backtest over the source's first <paramref name="days"/> days with the seed's paper settings.</summary>
    public static BacktestResult Backtest(ICandleSource source, int days)
    {
        var options = new BacktestOptions { From = Start, To = Start.AddDays(days) };
        var run = new BacktestEngine(source, new BaselineModel(), options).RunAsync();
        return run.IsCompletedSuccessfully ? run.Result : run.AsTask().GetAwaiter().GetResult();
    }
}
