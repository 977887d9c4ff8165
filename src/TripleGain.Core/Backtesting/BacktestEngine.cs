using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Backtesting;

/// <summary>
/// An event-driven backtest: replays the candles of an <see cref="ICandleSource"/> through the code paths the live system
/// uses (<see cref="PaperExchange"/>, <see cref="MarketTracker"/>, <see cref="TechnicalAgent"/>, the
/// <see cref="IDecisionModel"/>, <see cref="CyclePlanner"/>: risk agent and coordinator) with one paper account.
/// </summary>
/// <remarks>
/// <para><b>Per candle</b>, in the source's order (time, then pair): the exchange fills the resting orders the candle
/// reaches (<see cref="PaperExchange.OnCandle"/>: market orders at its open, stops and limits on its range) and records its
/// close as the pair's price; then the tracker takes the candle (aggregating it into the model's timeframes).</para>
/// <para><b>The clock.</b> When every candle of a bar (one open time) has been replayed, the clock is the bar's close: its
/// open plus the bar length, the shortest step seen between the source's open times (1 minute for 1-minute candles, 1
/// hour for hourly files, whose bars the tracker then takes as they come). The cycle and decision intervals are checked
/// against the clock, aligned to UTC (a 300 s interval fires at :00, :05, ...; the first boundary is the first after
/// <see cref="BacktestOptions.From"/>); nothing happens more often than once a bar. The run starts (first mark, first
/// decision) once every pair of the source has a price.</para>
/// <para><b>Cycle interval</b> (cycle.interval_seconds): the account is marked to market at the last closes; the highest
/// mark is the equity peak the risk agent's max_drawdown_pct is measured from (as the live cycle would see it), and every
/// <see cref="BacktestOptions.EquityInterval"/> a mark goes into the equity curve. Resting orders (stop-loss,
/// take-profit) are checked on every candle, which is finer than any cycle.</para>
/// <para><b>Decision interval</b> (cycle.llm_query_interval_seconds): the tracker's state (closed candles only) goes
/// through the technical agent into a <see cref="DecisionContext"/>, the model decides, <see cref="CyclePlanner.Plan"/>
/// turns the decisions into orders, and they are placed at the clock time, so they fill from the next candle's open: no
/// look-ahead. No decision is made at the end of the data (its orders could not fill). The cycle id is the clock,
/// "yyyyMMddTHHmm". Only <see cref="Pairs"/> are allowed to open positions (allowed_pairs is narrowed to them).</para>
/// <para><b>Trades.</b> Round trips come from the fills' realized P&amp;L (see <see cref="TradeBook"/>): every fill that
/// reduces a position closes one trade for the volume reduced, entry = the position's average entry and opening time,
/// P&amp;L net of the pro-rated entry fees and the exit fee. Positions open at the end stay open (in the final
/// portfolio's unrealized P&amp;L, not in the trades).</para>
/// <para><b>Determinism.</b> Nothing reads a clock or a random source: the same source, model and options give the same
/// result, bit for bit. A stateful model (buy-and-hold) must be a fresh instance per run.</para>
/// <para><b>Cost.</b> The per-candle path allocates nothing (the exchange allocates only when orders are resting) and
/// uses no LINQ; the tracker computes indicators only for <see cref="Timeframes"/>.</para>
/// </remarks>
public sealed class BacktestEngine
{
    private const int CancellationCheckMask = 0xFFFF;

    private readonly ICandleSource _source;
    private readonly IDecisionModel _model;
    private readonly BacktestOptions _options;

    public BacktestEngine(ICandleSource source, IDecisionModel model, BacktestOptions options)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _source = source;
        _model = model;
        _options = options;

        var served = source.Pairs;
        var pairs = new List<Pair>();
        foreach (var pair in options.Pairs ?? served)
        {
            if (!served.Contains(pair))
            {
                throw new ArgumentException($"Pair {pair} is not in the candle source, which serves {string.Join(", ", served)}.", nameof(options));
            }

            if (!options.Catalog.Contains(pair))
            {
                throw new ArgumentException($"Pair {pair} has no exchange metadata in the catalog.", nameof(options));
            }

            if (!pairs.Contains(pair))
            {
                pairs.Add(pair);
            }
        }

        RequireValuation(options, served, pairs);
        Pairs = pairs;
        Timeframes = options.Timeframes ?? BacktestOptions.TimeframesFor(model);
    }

    /// <summary>The pairs traded: tracked, shown to the model and allowed to open positions.</summary>
    public IReadOnlyList<Pair> Pairs { get; }

    /// <summary>The timeframes the tracker aggregates into and computes indicators for.</summary>
    public IReadOnlyList<Timeframe> Timeframes { get; }

    /// <summary>Replays the candles of [From, To) and returns the result (see the remarks).</summary>
    public async ValueTask<BacktestResult> RunAsync(CancellationToken cancellationToken = default)
    {
        var run = new Run(this, cancellationToken);
        return await run.ExecuteAsync().ConfigureAwait(false);
    }

    /// <summary>Every asset the account can hold (the starting balances, the traded pairs' assets) must be valued in USDT through the source's pairs.</summary>
    private static void RequireValuation(BacktestOptions options, IReadOnlyList<Pair> served, List<Pair> pairs)
    {
        var probe = new Dictionary<Pair, decimal>();
        foreach (var pair in served)
        {
            probe[pair] = 1m;
        }

        var assets = new List<Asset>();
        foreach (var (asset, amount) in options.StartingBalances)
        {
            if (amount > 0m)
            {
                assets.Add(asset);
            }
        }

        foreach (var pair in pairs)
        {
            assets.Add(pair.Base);
            assets.Add(pair.Quote);
        }

        foreach (var asset in assets)
        {
            if (!Valuation.TryUsdRate(asset, probe, out _))
            {
                throw new ArgumentException(
                    $"The account would hold {asset} but the candle source ({string.Join(", ", served)}) cannot value it in USDT: "
                    + $"it needs {(asset == Asset.XRP ? "XRP/USDT, or XRP/BTC and BTC/USDT" : $"{asset}/USDT")}.",
                    nameof(options));
            }
        }
    }

    private static DateTime NextBoundary(DateTime time, long intervalTicks) =>
        new(((time.Ticks / intervalTicks) + 1) * intervalTicks, DateTimeKind.Utc);

    private static int KeyOf(Pair pair) => ((int)pair.Base * 3) + (int)pair.Quote;

    /// <summary>The mutable state of one run.</summary>
    private sealed class Run
    {
        private static readonly int ActionCount = Enum.GetValues<TradeAction>().Length;

        private readonly BacktestEngine _engine;
        private readonly BacktestOptions _options;
        private readonly CancellationToken _cancellationToken;
        private readonly Account _account;
        private readonly PaperExchange _exchange;
        private readonly TradeBook _book;
        private readonly MarketTracker _tracker;
        private readonly PairTracker?[] _trackers = new PairTracker?[9];
        private readonly TradingConstraints _constraints;
        private readonly int _sourcePairCount;
        private readonly long _cycleTicks;
        private readonly long _decisionTicks;
        private readonly long _equityTicks;
        private readonly List<EquityPoint> _equity = [];
        private readonly List<Fill> _fills = [];
        private readonly int[] _decisionsByAction;
        private readonly SortedDictionary<string, int> _rejections = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _dropped = new(StringComparer.Ordinal);
        private readonly SortedDictionary<string, int> _orderErrors = new(StringComparer.Ordinal);
        private readonly TradeDecision[] _recent;
        private int _recentCount;
        private int _recentNext;
        private DateTime _nextCycle;
        private DateTime _nextDecision;
        private DateTime _nextEquity;
        private bool _priced;
        private decimal _peak;
        private int _decisionCycles;
        private int _ordersPlaced;

        public Run(BacktestEngine engine, CancellationToken cancellationToken)
        {
            _engine = engine;
            _options = engine._options;
            _cancellationToken = cancellationToken;
            var o = _options;
            _account = new Account(o.AccountId, o.StartingBalances, o.From, o.AccountMaxLeverage);
            _exchange = new PaperExchange(_account, o.Catalog, o.Exchange);
            _book = new TradeBook(new Account(o.AccountId, o.StartingBalances, o.From, o.AccountMaxLeverage));
            _tracker = new MarketTracker(engine.Pairs, new TrackerSettings
            {
                Timeframes = engine.Timeframes,
                WindowSize = o.WindowSize,
                Indicators = o.Indicators,
            });
            foreach (var pair in engine.Pairs)
            {
                _trackers[KeyOf(pair)] = _tracker[pair];
            }

            var allowed = new List<Pair>();
            foreach (var pair in o.Constraints.AllowedPairs)
            {
                if (engine.Pairs.Contains(pair))
                {
                    allowed.Add(pair);
                }
            }

            _constraints = o.Constraints with { AllowedPairs = allowed };
            _sourcePairCount = engine._source.Pairs.Count;
            _cycleTicks = o.CycleInterval.Ticks;
            _decisionTicks = o.DecisionInterval.Ticks;
            _equityTicks = o.EquityInterval.Ticks;
            _nextCycle = NextBoundary(o.From, _cycleTicks);
            _nextDecision = NextBoundary(o.From, _decisionTicks);
            _nextEquity = DateTime.MinValue;
            _decisionsByAction = new int[ActionCount];
            _recent = new TradeDecision[o.RecentDecisions];
        }

        public async ValueTask<BacktestResult> ExecuteAsync()
        {
            long count = 0;
            var barOpen = DateTime.MinValue;
            var barTicks = long.MaxValue;
            var started = false;
            using (var bars = _engine._source.GetBars(_options.From, _options.To).GetEnumerator())
            {
                while (bars.MoveNext())
                {
                    var bar = bars.Current;
                    var timestamp = bar.Candle.Timestamp;
                    if (timestamp != barOpen)
                    {
                        if (started)
                        {
                            if (timestamp < barOpen)
                            {
                                throw new InvalidOperationException(
                                    $"The candle source went back in time: a {bar.Pair} candle at {timestamp:O} follows {barOpen:O}.");
                            }

                            barTicks = Math.Min(barTicks, timestamp.Ticks - barOpen.Ticks);
                            var clock = new DateTime(barOpen.Ticks + barTicks, DateTimeKind.Utc);
                            if (clock >= _nextCycle)
                            {
                                await CycleAsync(clock, final: false).ConfigureAwait(false);
                            }
                        }

                        barOpen = timestamp;
                        started = true;
                    }

                    var fills = _exchange.OnCandle(bar.Pair, bar.Candle);
                    if (fills.Count != 0)
                    {
                        Record(fills);
                    }

                    _trackers[KeyOf(bar.Pair)]?.Add(bar.Candle);
                    if ((++count & CancellationCheckMask) == 0)
                    {
                        _cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }

            if (!started)
            {
                throw new InvalidOperationException(
                    $"The candle source has no candles from {Iso(_options.From)} to {Iso(_options.To)}.");
            }

            var end = new DateTime(barOpen.Ticks + (barTicks == long.MaxValue ? TimeSpan.TicksPerMinute : barTicks), DateTimeKind.Utc);
            await CycleAsync(end, final: true).ConfigureAwait(false);
            if (_equity.Count == 0)
            {
                throw new InvalidOperationException(
                    $"The account could never be valued: not every pair of the source ({string.Join(", ", _engine._source.Pairs)}) had a candle before {Iso(end)}.");
            }

            var final = Snapshot(end);
            return new BacktestResult
            {
                ModelId = _engine._model.Id,
                Options = _options,
                Pairs = _engine.Pairs,
                Timeframes = _engine.Timeframes,
                Equity = _equity,
                Trades = _book.Closed,
                Fills = _fills,
                DecisionsByAction = DecisionCounts(),
                RejectionsByRule = _rejections,
                DroppedByRule = _dropped,
                OrderErrorsByCode = _orderErrors,
                OrdersPlaced = _ordersPlaced,
                DecisionCycles = _decisionCycles,
                CandleCount = count,
                FinalPortfolio = final,
                Report = PerformanceReport.Compute(_equity, _book.Closed, _options.Metrics),
            };
        }

        private void Record(IReadOnlyList<Fill> fills)
        {
            for (var i = 0; i < fills.Count; i++)
            {
                _fills.Add(fills[i]);
                _book.Record(fills[i]);
            }
        }

        /// <summary>Marks equity at <paramref name="clock"/> and, when due, runs a decision cycle (see the class remarks).</summary>
        private ValueTask CycleAsync(DateTime clock, bool final)
        {
            _nextCycle = NextBoundary(clock, _cycleTicks);
            if (!_priced)
            {
                if (_exchange.Marks.Count < _sourcePairCount)
                {
                    return ValueTask.CompletedTask;
                }

                _priced = true;
            }

            var equity = _account.EquityUsd(_exchange.Marks);
            if (equity > _peak)
            {
                _peak = equity;
            }

            if (_equity.Count == 0 || clock >= _nextEquity || final)
            {
                if (_equity.Count == 0 || _equity[^1].Timestamp != clock)
                {
                    _equity.Add(new EquityPoint(clock, equity));
                }

                _nextEquity = NextBoundary(clock, _equityTicks);
            }

            if (final || clock < _nextDecision)
            {
                return ValueTask.CompletedTask;
            }

            _nextDecision = NextBoundary(clock, _decisionTicks);
            return DecideAsync(clock);
        }

        private async ValueTask DecideAsync(DateTime clock)
        {
            var snapshot = Snapshot(clock);
            var context = CyclePlanner.Context(clock, _tracker, snapshot, _constraints, Recent());
            var run = await _engine._model.RunAsync(context, _cancellationToken).ConfigureAwait(false);
            _decisionCycles++;
            var decisions = run.Decisions ?? [];
            for (var i = 0; i < decisions.Count; i++)
            {
                var decision = decisions[i];
                if ((uint)decision.Action < (uint)_decisionsByAction.Length)
                {
                    _decisionsByAction[(int)decision.Action]++;
                }

                Remember(decision);
            }

            if (decisions.Count == 0)
            {
                return;
            }

            var plan = CyclePlanner.Plan(new CyclePlanInput(
                clock.ToString("yyyyMMdd'T'HHmm", CultureInfo.InvariantCulture),
                clock,
                snapshot,
                decisions,
                _constraints,
                new PriceBook(_exchange.Marks),
                _options.Catalog));

            foreach (var verdict in plan.Verdicts)
            {
                if (verdict.Outcome == RiskOutcome.Rejected)
                {
                    Count(_rejections, verdict.Rule ?? RiskRules.InvalidDecision);
                }
            }

            foreach (var dropped in plan.Dropped)
            {
                Count(_dropped, dropped.Rule);
            }

            foreach (var request in plan.Requests)
            {
                var result = _exchange.PlaceOrder(request, clock);
                if (result.IsAccepted)
                {
                    _ordersPlaced++;
                }
                else
                {
                    Count(_orderErrors, result.Error.Code);
                }
            }
        }

        /// <summary>The account at <paramref name="clock"/>, with the peak of every cycle mark (the account itself only sees snapshot times).</summary>
        private PortfolioSnapshot Snapshot(DateTime clock)
        {
            var snapshot = _exchange.Snapshot(clock);
            return _peak > snapshot.PeakEquityUsd ? snapshot with { PeakEquityUsd = _peak } : snapshot;
        }

        private void Remember(TradeDecision decision)
        {
            if (_recent.Length == 0)
            {
                return;
            }

            _recent[_recentNext] = decision;
            _recentNext = (_recentNext + 1) % _recent.Length;
            _recentCount = Math.Min(_recentCount + 1, _recent.Length);
        }

        /// <summary>The latest decisions, oldest first.</summary>
        private TradeDecision[] Recent()
        {
            if (_recentCount == 0)
            {
                return [];
            }

            var copy = new TradeDecision[_recentCount];
            var start = _recentCount < _recent.Length ? 0 : _recentNext;
            for (var i = 0; i < copy.Length; i++)
            {
                copy[i] = _recent[(start + i) % _recent.Length];
            }

            return copy;
        }

        private SortedDictionary<TradeAction, int> DecisionCounts()
        {
            var counts = new SortedDictionary<TradeAction, int>();
            foreach (var action in Enum.GetValues<TradeAction>())
            {
                counts[action] = _decisionsByAction[(int)action];
            }

            return counts;
        }

        private static void Count(SortedDictionary<string, int> counts, string key) =>
            counts[key] = counts.GetValueOrDefault(key) + 1;

        private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture);
    }
}
