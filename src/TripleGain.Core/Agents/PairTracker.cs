using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// Follows one pair from its 1-minute candles: aggregates them into every configured timeframe, feeds each completed
/// candle into that timeframe's <see cref="IndicatorSetStream"/>, and keeps the last price, the latest indicator
/// values per timeframe and a window of recent completed candles. What a grain or a backtest holds between cycles.
/// </summary>
/// <remarks>
/// <para>Candles passed to <see cref="Add"/> are completed 1-minute bars (open time on the minute, strictly increasing).
/// A coarser bar is complete, and only then reaches the indicators and the window, as soon as the last minute of its
/// bucket arrives (the 10:59 candle completes the 10:00 hour); when that minute is missing, the next candle of a later
/// bucket completes it. The forming bar is never visible: no look-ahead.</para>
/// <para>O(1) per candle and no allocation apart from the <see cref="IndicatorValues"/> the streams return.
/// Not thread-safe: one owner feeds it.</para>
/// </remarks>
public sealed class PairTracker
{
    private readonly TimeframeTrack[] _tracks;
    private bool _hasCandle;

    public PairTracker(Pair pair, TrackerSettings? settings = null)
    {
        Settings = settings ?? TrackerSettings.Default;
        Settings.Validate();
        Pair = pair;
        Timeframes = Settings.Timeframes.ToArray();
        _tracks = new TimeframeTrack[Timeframes.Count];
        for (var i = 0; i < _tracks.Length; i++)
        {
            _tracks[i] = new TimeframeTrack(Timeframes[i], Settings);
        }
    }

    public Pair Pair { get; }

    public TrackerSettings Settings { get; }

    public IReadOnlyList<Timeframe> Timeframes { get; }

    /// <summary>Close of the last 1-minute candle, 0 before the first.</summary>
    public decimal LastPrice { get; private set; }

    /// <summary>Open time of the last 1-minute candle, null before the first.</summary>
    public DateTime? LastTimestamp => _hasCandle ? LastCandle.Timestamp : null;

    /// <summary>The last 1-minute candle added (default before the first).</summary>
    public Candle LastCandle { get; private set; }

    /// <summary>Number of 1-minute candles added.</summary>
    public long CandleCount { get; private set; }

    /// <summary>Adds the next completed 1-minute candle. Bad candles throw <see cref="ArgumentException"/> and change nothing.</summary>
    public void Add(in Candle candle)
    {
        Check(candle);

        for (var i = 0; i < _tracks.Length; i++)
        {
            _tracks[i].Add(candle);
        }

        LastCandle = candle;
        LastPrice = candle.Close;
        CandleCount++;
        _hasCandle = true;
    }

    /// <summary>The indicator values at the last completed candle of <paramref name="timeframe"/>, null before the first.</summary>
    public IndicatorValues? Latest(Timeframe timeframe) => Track(timeframe).Latest;

    /// <summary>The recent completed candles of <paramref name="timeframe"/>, oldest first (a live view, not a copy).</summary>
    public CandleWindow Recent(Timeframe timeframe) => Track(timeframe).Window;

    /// <summary>This pair's part of a <see cref="TechnicalInput"/>, or null before the first candle.</summary>
    public PairIndicators? ToInput()
    {
        if (!_hasCandle)
        {
            return null;
        }

        var timeframes = new List<TimeframeIndicators>(_tracks.Length);
        foreach (var track in _tracks)
        {
            if (track.Latest is { } values)
            {
                timeframes.Add(new TimeframeIndicators(track.Timeframe, values));
            }
        }

        return new PairIndicators(Pair, LastCandle.Timestamp, LastPrice, timeframes);
    }

    private TimeframeTrack Track(Timeframe timeframe)
    {
        foreach (var track in _tracks)
        {
            if (track.Timeframe == timeframe)
            {
                return track;
            }
        }

        throw new ArgumentException(
            $"{Pair} does not track timeframe {(Enum.IsDefined(timeframe) ? timeframe.Label() : ((int)timeframe).ToString(System.Globalization.CultureInfo.InvariantCulture))}; tracked: {string.Join(", ", Timeframes.Select(t => t.Label()))}.",
            nameof(timeframe));
    }

    private void Check(in Candle candle)
    {
        if (candle.Timestamp.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException($"{Pair} candle at {candle.Timestamp:O}: a 1-minute candle opens on the minute.", nameof(candle));
        }

        if (_hasCandle && candle.Timestamp <= LastCandle.Timestamp)
        {
            throw new ArgumentException(
                $"{Pair} candle at {candle.Timestamp:O} is not after the last candle at {LastCandle.Timestamp:O}: candles must arrive in strictly increasing time.",
                nameof(candle));
        }

        if (candle.Low <= 0 || candle.Low > candle.Open || candle.Low > candle.Close || candle.High < candle.Open || candle.High < candle.Close)
        {
            throw new ArgumentException(
                $"{Pair} candle at {candle.Timestamp:O} has open {candle.Open}, high {candle.High}, low {candle.Low}, close {candle.Close}: prices must be positive with low <= open, close <= high.",
                nameof(candle));
        }

        if (candle.Volume < 0)
        {
            throw new ArgumentException($"{Pair} candle at {candle.Timestamp:O} has volume {candle.Volume}: volume must not be negative.", nameof(candle));
        }
    }

    /// <summary>One timeframe: its aggregator (none for 1m), indicator stream, latest values and window.</summary>
    private sealed class TimeframeTrack
    {
        private readonly CandleAggregator? _aggregator;
        private readonly IndicatorSetStream _stream;
        private readonly long _bucketTicks;
        private DateTime _lastCompleted = DateTime.MinValue;

        public TimeframeTrack(Timeframe timeframe, TrackerSettings settings)
        {
            Timeframe = timeframe;
            _aggregator = timeframe == Timeframe.M1 ? null : new CandleAggregator(timeframe);
            _bucketTicks = timeframe.Duration().Ticks;
            _stream = new IndicatorSetStream(settings.Indicators);
            Window = new CandleWindow(settings.WindowSize);
        }

        public Timeframe Timeframe { get; }

        public CandleWindow Window { get; }

        public IndicatorValues? Latest { get; private set; }

        public void Add(in Candle candle)
        {
            if (_aggregator is null)
            {
                Complete(candle);
                return;
            }

            // The aggregator hands back the previous bucket when a candle of a later bucket arrives; that bucket may
            // already have been completed by its last minute (below), in which case it is not fed twice.
            if (_aggregator.Add(candle) is { } closed && closed.Timestamp != _lastCompleted)
            {
                Complete(closed);
            }

            // Same test as CandleAggregator.IsLastMinuteOfBucket, in integer ticks (it runs for every minute and timeframe).
            if ((candle.Timestamp.Ticks + TimeSpan.TicksPerMinute) % _bucketTicks == 0 && _aggregator.Current is { } full)
            {
                Complete(full);
            }
        }

        private void Complete(in Candle bar)
        {
            Latest = _stream.Add(bar);
            Window.Add(bar);
            _lastCompleted = bar.Timestamp;
        }
    }
}
