namespace TripleGain.Core.Market;

/// <summary>
/// The simulated market as a live feed: it generates minutes forward as time passes and keeps the last
/// <see cref="HistoryLimit"/> of them in memory, so trackers can warm up from history after a start. The candles
/// depend only on the <see cref="SimulatedMarketOptions"/> (seed and start), so a restarted silo sees the same prices.
/// Thread-safe.
/// </summary>
public sealed class SimulatedMarketFeed : IMarketFeed
{
    private readonly object _gate = new();
    private readonly SimulatedMarket _market;
    private readonly Queue<MarketMinute> _history = new();
    private readonly int _maxMinutes;

    public SimulatedMarketFeed(SimulatedMarketOptions options, TimeSpan? historyLimit = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        HistoryLimit = historyLimit ?? TimeSpan.FromDays(60);
        if (HistoryLimit < TimeSpan.FromMinutes(1))
        {
            throw new ArgumentOutOfRangeException(nameof(historyLimit), historyLimit, "The history limit must be at least one minute.");
        }

        _maxMinutes = (int)Math.Min(int.MaxValue, HistoryLimit.TotalMinutes);
        _market = new SimulatedMarket(options);
    }

    public SimulatedMarketOptions Options { get; }

    public TimeSpan HistoryLimit { get; }

    public IReadOnlyList<Pair> Pairs => Pair.All;

    public ValueTask<IReadOnlyList<Candle>> GetCandlesAsync(Pair pair, DateTime fromUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (!Pair.All.Contains(pair))
        {
            throw new ArgumentException($"The simulated market has no pair {pair}.", nameof(pair));
        }

        var result = new List<Candle>();
        lock (_gate)
        {
            AdvanceTo(nowUtc);
            foreach (var minute in _history)
            {
                if (minute.Timestamp >= fromUtc)
                {
                    result.Add(minute[pair]);
                }
            }
        }

        return ValueTask.FromResult<IReadOnlyList<Candle>>(result);
    }

    /// <summary>Generates every minute that has closed by <paramref name="nowUtc"/>; skips ahead cheaply over minutes older than the history kept.</summary>
    private void AdvanceTo(DateTime nowUtc)
    {
        var lastOpen = Timeframe.M1.Floor(nowUtc).AddMinutes(-1);
        if (lastOpen < _market.NextTimestamp)
        {
            return;
        }

        var keepFrom = lastOpen.AddMinutes(1 - _maxMinutes);
        if (keepFrom > _market.NextTimestamp)
        {
            _history.Clear();
            _market.SkipTo(keepFrom);
        }

        while (_market.NextTimestamp <= lastOpen)
        {
            _history.Enqueue(_market.Next());
            if (_history.Count > _maxMinutes)
            {
                _history.Dequeue();
            }
        }
    }
}
