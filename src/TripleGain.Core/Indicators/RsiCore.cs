namespace TripleGain.Core.Indicators;

/// <summary>
/// Wilder's RSI state (Skender convention): bar 0 has no change; the first averages, at bar <c>period</c>, are the
/// simple means of the gains and losses of bars 1..period; then <c>avg = (avg * (period - 1) + x) / period</c>.
/// RSI = 100 when the average loss is 0.
/// </summary>
internal struct RsiCore
{
    private readonly int _period;
    private readonly double _reciprocal; // 1 / period: the hot path multiplies instead of dividing
    private int _index;
    private double _previous;
    private double _averageGain; // sums while warming up
    private double _averageLoss;

    public RsiCore(int period)
    {
        _period = period;
        _reciprocal = 1.0 / period;
    }

    public bool Add(double close, out double rsi)
    {
        if (_index == 0)
        {
            _previous = close;
            _index = 1;
            rsi = 0;
            return false;
        }

        var change = close - _previous;
        _previous = close;
        var gain = change > 0 ? change : 0;
        var loss = change < 0 ? -change : 0;
        var n = _period;
        if (_index > n)
        {
            _averageGain = ((_averageGain * (n - 1)) + gain) * _reciprocal;
            _averageLoss = ((_averageLoss * (n - 1)) + loss) * _reciprocal;
        }
        else
        {
            _averageGain += gain;
            _averageLoss += loss;
            if (_index < n)
            {
                _index++;
                rsi = 0;
                return false;
            }

            _averageGain /= n;
            _averageLoss /= n;
            _index++;
        }

        rsi = _averageLoss > 0 ? 100 - (100 / (1 + (_averageGain / _averageLoss))) : 100;
        return true;
    }
}
