using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Streaming rate of change: 100 * (close - close n bars ago) / close n bars ago; first value at bar n.</summary>
public sealed class RocStream
{
    private LagCore _lag;
    private CandleSequence _sequence;

    public RocStream(int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "ROC");
        Period = period;
        _lag = new LagCore(period);
    }

    public int Period { get; }

    public RocResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "ROC");
        var close = (double)candle.Close;
        if (!_lag.Add(close, out var before))
        {
            return new RocResult(candle.Timestamp, null, null);
        }

        var momentum = close - before;
        return new RocResult(candle.Timestamp, momentum, Finite.Ratio(100 * momentum, before));
    }
}
