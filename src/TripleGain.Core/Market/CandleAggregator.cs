namespace TripleGain.Core.Market;

/// <summary>
/// Streams 1-minute (or any finer) candles into candles of a coarser <see cref="Timeframe"/>.
/// <see cref="Add"/> returns the bar that the new candle completed (the previous bucket), or null while the bucket is
/// still filling. <see cref="Current"/> is the bucket in progress. Missing minutes simply leave the bar shorter.
/// Buckets are aligned to UTC (<see cref="TimeframeExtensions.Floor"/>): 4h bars open at 00, 04, 08... and 1d bars at
/// midnight UTC. Candles must arrive in strictly increasing time. <see cref="CandleAggregation.Aggregate"/> is the
/// batch form and gives the same bars.
/// </summary>
public sealed class CandleAggregator
{
    private bool _hasCurrent;
    private Candle _current;
    private DateTime _lastTimestamp;

    public CandleAggregator(Timeframe timeframe)
    {
        Timeframe = timeframe;
    }

    public Timeframe Timeframe { get; }

    public Candle? Current => _hasCurrent ? _current : null;

    public Candle? Add(in Candle candle)
    {
        var bucket = Timeframe.Floor(candle.Timestamp);
        if (!_hasCurrent)
        {
            _current = candle with { Timestamp = bucket };
            _hasCurrent = true;
            _lastTimestamp = candle.Timestamp;
            return null;
        }

        if (candle.Timestamp <= _lastTimestamp)
        {
            throw new ArgumentException(
                $"Candle at {candle.Timestamp:O} is not after the previous candle at {_lastTimestamp:O}; candles must arrive in increasing time.",
                nameof(candle));
        }

        _lastTimestamp = candle.Timestamp;

        if (bucket == _current.Timestamp)
        {
            _current = new Candle(
                bucket,
                _current.Open,
                Math.Max(_current.High, candle.High),
                Math.Min(_current.Low, candle.Low),
                candle.Close,
                _current.Volume + candle.Volume,
                _current.Trades + candle.Trades);
            return null;
        }

        var completed = _current;
        _current = candle with { Timestamp = bucket };
        return completed;
    }

    /// <summary>Returns the bucket in progress (null when empty) and starts over, e.g. at the end of a series.</summary>
    public Candle? Flush()
    {
        var current = Current;
        _hasCurrent = false;
        _current = default;
        _lastTimestamp = default;
        return current;
    }

    /// <summary>True when <paramref name="candle"/> (a 1-minute candle) is the last minute of its bucket.</summary>
    public bool IsLastMinuteOfBucket(in Candle candle) =>
        Timeframe.Floor(candle.Timestamp.AddMinutes(1)) != Timeframe.Floor(candle.Timestamp);
}
