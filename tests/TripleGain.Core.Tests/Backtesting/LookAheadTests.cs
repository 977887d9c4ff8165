using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Backtesting.BacktestScenario;

namespace TripleGain.Core.Tests.Backtesting;

/// <summary>A decision at time T may only use candles that closed by T, and its orders fill from the candle that opens at T.</summary>
public class LookAheadTests
{
    [Fact]
    public async Task RunAsync_PeekingModel_SeesNoCandleThatClosesAfterTheDecision()
    {
        var source = Sim();
        var model = new PeekingModel();

        await RunAsync(source, model, new BacktestOptions { From = Start, To = Start.AddDays(3), Timeframes = [Timeframe.M1, Timeframe.M15, Timeframe.H1] });

        model.Decisions.ShouldBeGreaterThan(800);
        model.LatestCloseSeen.Count.ShouldBe(model.Decisions);
        foreach (var (decisionTime, latestClose) in model.LatestCloseSeen)
        {
            latestClose.ShouldBeLessThanOrEqualTo(decisionTime);
        }

        // The last price is the close of the candle that ended at the decision time, never the next candle's.
        var btc = source.GetCandles(Pair.BtcUsdt, Start, Start.AddDays(3)).ToDictionary(c => c.Timestamp);
        foreach (var (decisionTime, price) in model.BtcPrices)
        {
            price.ShouldBe(btc[decisionTime.AddMinutes(-1)].Close);
        }
    }

    [Fact]
    public async Task RunAsync_EntryOrders_FillAtTheOpenOfTheCandleThatOpensAtTheDecision()
    {
        var result = await TwentyDayBaselineAsync();
        var source = Sim();
        var entries = result.Fills.Where(f => !f.ClientOrderId.Contains(':', StringComparison.Ordinal)).ToList();

        entries.Count.ShouldBeGreaterThan(5);
        foreach (var fill in entries)
        {
            var decisionTime = DateTime.ParseExact(fill.ClientOrderId[1..14], "yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
            fill.Timestamp.ShouldBe(decisionTime);
            var open = source.GetCandles(fill.Pair, decisionTime, decisionTime.AddMinutes(1)).Single().Open;
            var tick = PairCatalog.Kraken[fill.Pair].TickSize;
            var expected = fill.Side == OrderSide.Buy
                ? decimal.Ceiling(open * 1.0005m / tick) * tick
                : decimal.Floor(open * 0.9995m / tick) * tick;
            fill.Price.ShouldBe(expected);
        }
    }

    [Fact]
    public async Task RunAsync_FutureCandlesChanged_EverythingBeforeTheChangeIsTheSame()
    {
        var end = Start.AddDays(6);
        var change = Start.AddDays(3);
        var original = Candles(Sim(), Start, end);
        var edited = original.ToDictionary(
            c => c.Key,
            c => c.Value.Select(k => k.Timestamp < change ? k : k with { Open = k.Open * 1.3m, High = k.High * 1.3m, Low = k.Low * 1.3m, Close = k.Close * 1.3m }).ToList());
        var options = new BacktestOptions { From = Start, To = end };
        var first = new RecordingModel(new BaselineModel());
        var second = new RecordingModel(new BaselineModel());

        var a = await RunAsync(Memory(original), first, options);
        var b = await RunAsync(Memory(edited), second, options);

        second.Decisions.Where(d => d.Timestamp <= change).ShouldBe(first.Decisions.Where(d => d.Timestamp <= change));
        b.Fills.Where(f => f.Timestamp < change).ShouldBe(a.Fills.Where(f => f.Timestamp < change));
        a.Fills.Count(f => f.Timestamp < change).ShouldBeGreaterThan(0);
        b.Equity.Where(p => p.Timestamp <= change).ShouldBe(a.Equity.Where(p => p.Timestamp <= change));
        b.Equity[^1].ShouldNotBe(a.Equity[^1]); // the change itself is visible afterwards
    }

    /// <summary>
    /// Tries to see the future: records, for each decision, the latest candle close time found anywhere in its context
    /// (pair snapshots and the indicator values of every timeframe), and the BTC/USDT price it was shown. Holds.
    /// </summary>
    private sealed class PeekingModel : IDecisionModel
    {
        public string Id => "peeking";

        public int Decisions { get; private set; }

        public List<(DateTime DecisionTime, DateTime LatestClose)> LatestCloseSeen { get; } = [];

        public List<(DateTime DecisionTime, decimal Price)> BtcPrices { get; } = [];

        public ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
        {
            Decisions++;
            var latest = DateTime.MinValue;
            foreach (var pair in context.Market.Pairs)
            {
                latest = Max(latest, pair.Timestamp.AddMinutes(1));
                foreach (var timeframe in pair.Timeframes)
                {
                    latest = Max(latest, timeframe.Indicators.Timestamp + timeframe.Timeframe.Duration());
                }

                if (pair.Pair == Pair.BtcUsdt)
                {
                    BtcPrices.Add((context.Timestamp, pair.LastPrice));
                }
            }

            LatestCloseSeen.Add((context.Timestamp, latest));
            return ValueTask.FromResult<IReadOnlyList<TradeDecision>>(
                context.Market.Pairs.Select(p => TradeDecision.Hold(Id, p.Pair, context.Timestamp, "peeking")).ToList());
        }

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    }
}
