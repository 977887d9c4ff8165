namespace TripleGain.Core.Indicators;

/// <summary>
/// Wilder's directional movement state (Skender convention): TR, +DM and -DM from bar 1; the first smoothed values, at
/// bar <c>period</c>, are the <b>sums</b> of bars 1..period, then <c>s = s - s / period + x</c>;
/// +DI = 100 * +DM / TR, -DI = 100 * -DM / TR, DX = 100 * |+DI - -DI| / (+DI + -DI) (0 when equal);
/// the first ADX is the mean of the first <c>period</c> DX values, then <c>adx = (adx * (period - 1) + dx) / period</c>.
/// While the smoothed TR is 0 (a flat series from the start) there is no +DI/-DI/DX, and ADX waits for
/// <c>period</c> DX values (Skender's indexing is the same on any series that moves).
/// </summary>
internal struct AdxCore
{
    private readonly int _period;
    private readonly double _reciprocal; // 1 / period
    private int _index;
    private int _dxCount;
    private double _previousHigh;
    private double _previousLow;
    private double _previousClose;
    private double _trueRange; // smoothed (sums while warming up)
    private double _plusMovement;
    private double _minusMovement;
    private double _adx; // DX sum while warming up

    public AdxCore(int period)
    {
        _period = period;
        _reciprocal = 1.0 / period;
    }

    /// <summary>True when the last bar produced +DI, -DI and DX.</summary>
    public bool HasDirection { get; private set; }

    /// <summary>True when the last bar produced an ADX.</summary>
    public bool HasAdx { get; private set; }

    public double PlusDi { get; private set; }

    public double MinusDi { get; private set; }

    public double Dx { get; private set; }

    public readonly double Adx => _adx;

    public void Add(double high, double low, double close)
    {
        HasDirection = false;
        HasAdx = false;
        if (_index == 0)
        {
            _previousHigh = high;
            _previousLow = low;
            _previousClose = close;
            _index = 1;
            return;
        }

        var tr = AtrCore.TrueRangeOf(high, low, _previousClose);
        var up = high - _previousHigh;
        var down = _previousLow - low;
        var plus = up > down && up > 0 ? up : 0;
        var minus = down > up && down > 0 ? down : 0;
        _previousHigh = high;
        _previousLow = low;
        _previousClose = close;

        var n = _period;
        if (_index > n)
        {
            var r = _reciprocal;
            _trueRange = _trueRange - (_trueRange * r) + tr;
            _plusMovement = _plusMovement - (_plusMovement * r) + plus;
            _minusMovement = _minusMovement - (_minusMovement * r) + minus;
        }
        else
        {
            _trueRange += tr;
            _plusMovement += plus;
            _minusMovement += minus;
            if (_index++ < n)
            {
                return;
            }
        }

        if (_trueRange == 0)
        {
            return;
        }

        var scale = 100 / _trueRange;
        var pdi = _plusMovement * scale;
        var mdi = _minusMovement * scale;
        var dx = pdi - mdi == 0 ? 0 : 100 * Math.Abs(pdi - mdi) / (pdi + mdi);
        PlusDi = pdi;
        MinusDi = mdi;
        Dx = dx;
        HasDirection = true;

        if (_dxCount >= n)
        {
            _adx = ((_adx * (n - 1)) + dx) * _reciprocal;
            HasAdx = true;
        }
        else
        {
            _adx += dx;
            if (++_dxCount == n)
            {
                _adx /= n;
                HasAdx = true;
            }
        }
    }
}
