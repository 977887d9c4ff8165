using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Streaming on-balance volume: 0 at the first candle, then ± volume when the close rises / falls.</summary>
public sealed class ObvStream
{
    private CandleSequence _sequence;
    private bool _started;
    private double _previousClose;
    private double _obv;

    public ObvResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "OBV");
        var close = (double)candle.Close;
        if (_started)
        {
            if (close > _previousClose)
            {
                _obv += (double)candle.Volume;
            }
            else if (close < _previousClose)
            {
                _obv -= (double)candle.Volume;
            }
        }

        _started = true;
        _previousClose = close;
        return new ObvResult(candle.Timestamp, _obv);
    }
}
