using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Benchmarks;

/// <summary>
/// One decision cycle without an LLM, as the cycle grain runs it for one account: portfolio snapshot, technical agent over
/// a warmed-up <see cref="MarketTracker"/> (all six timeframes, as live), the baseline model, then risk agent and
/// coordinator (<see cref="CyclePlanner.Plan"/>) for the three pairs. Orders are planned, not placed, so the account
/// stays the seed's paper account (1,000 USDT + 500 XRP) and the baseline keeps proposing entries that risk must size.
/// </summary>
public sealed class DecisionCycle
{
    private readonly IReadOnlyList<Candle>[] _candles;
    private readonly MarketTracker _tracker = new(Pair.All);
    private readonly PaperExchange _exchange;
    private readonly BaselineModel _model = new();
    private readonly TradingConstraints _constraints = TradingConfig.PaperDefault.Constraints;
    private int _next;

    /// <param name="source">1-minute candles of the three pairs.</param>
    /// <param name="warmupDays">Days fed to the tracker before the first cycle (the 1h indicators need about three).</param>
    public DecisionCycle(MemoryCandleSource source, int warmupDays)
    {
        ArgumentNullException.ThrowIfNull(source);
        _candles = [.. Pair.All.Select(p => source[p])];
        _exchange = new PaperExchange(Account.CreatePaper("benchmark", Workloads.Start));
        Advance(warmupDays * 1440);
    }

    /// <summary>The cycle time: the close of the last minute fed.</summary>
    public DateTime Clock { get; private set; }

    /// <summary>Feeds the next <paramref name="minutes"/> minutes of candles (not part of a cycle). Throws when the candles run out.</summary>
    public void Advance(int minutes)
    {
        for (var m = 0; m < minutes; m++, _next++)
        {
            for (var p = 0; p < _candles.Length; p++)
            {
                var candle = _candles[p][_next];
                _exchange.OnCandle(Pair.All[p], candle);
                _tracker.Add(Pair.All[p], candle);
                Clock = candle.Timestamp.AddMinutes(1);
            }
        }
    }

    /// <summary>Runs one cycle at <see cref="Clock"/> and returns its plan.</summary>
    public CyclePlan Run()
    {
        var snapshot = _exchange.Snapshot(Clock);
        var context = CyclePlanner.Context(Clock, _tracker, snapshot, _constraints);
        var decided = _model.DecideAsync(context);
        var decisions = decided.IsCompletedSuccessfully ? decided.Result : decided.AsTask().GetAwaiter().GetResult();
        return CyclePlanner.Plan(new CyclePlanInput(
            "benchmark", Clock, snapshot, decisions, _constraints, new PriceBook(_exchange.Marks), PairCatalog.Kraken));
    }
}
