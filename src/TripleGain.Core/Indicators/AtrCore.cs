namespace TripleGain.Core.Indicators;

/// <summary>
/// True range and Wilder's average true range (Skender convention): no TR at bar 0; the first ATR, at bar
/// <c>period</c>, is the mean of TR[1..period]; then <c>atr = (atr * (period - 1) + tr) / period</c>.
/// </summary>
internal struct AtrCore
{
    private readonly int _period;
    private readonly double _reciprocal; // 1 / period
    private int _index;
    private double _previousClose;
    private double _atr; // the TR sum while warming up

    public AtrCore(int period)
    {
        _period = period;
        _reciprocal = 1.0 / period;
    }

    /// <summary>True when the last bar had a true range (every bar but the first).</summary>
    public readonly bool HasTrueRange => _index > 1;

    public readonly bool IsReady => _index > _period;

    /// <summary>The last true range (valid when <see cref="HasTrueRange"/>).</summary>
    public double TrueRange { get; private set; }

    /// <summary>The ATR (valid when <see cref="IsReady"/>).</summary>
    public readonly double Value => _atr;

    /// <summary>Adds one bar; returns true when <see cref="Value"/> is an ATR.</summary>
    public bool Add(double high, double low, double close)
    {
        if (_index == 0)
        {
            _previousClose = close;
            _index = 1;
            return false;
        }

        var tr = TrueRangeOf(high, low, _previousClose);
        TrueRange = tr;
        _previousClose = close;
        var n = _period;
        if (_index > n)
        {
            _atr = ((_atr * (n - 1)) + tr) * _reciprocal;
            return true;
        }

        _atr += tr;
        if (_index++ < n)
        {
            return false;
        }

        _atr /= n;
        return true;
    }

    public static double TrueRangeOf(double high, double low, double previousClose) =>
        Math.Max(high - low, Math.Max(Math.Abs(high - previousClose), Math.Abs(low - previousClose)));
}
