namespace TripleGain.Core.Indicators;

/// <summary>
/// A sliding window of the last <c>period</c> inputs with O(1) mean and population variance.
/// Sums are kept of the inputs minus a shift (a recent input), which keeps the sum of squares free of the
/// cancellation that raw sums suffer at high prices. The sums are recomputed exactly from the ring buffer every
/// <c>period</c> inputs (bounding rounding drift; amortized O(1)) and whenever the variance has become small
/// against the shifted squares (e.g. a flat window after a volatile one). A window whose inputs are all equal (flat
/// prices, zero volumes) has exactly that mean and a variance of exactly 0.
/// </summary>
internal struct WindowCore
{
    private const double CancellationRatio = 1e-9;

    private readonly double[] _values;
    private readonly bool _trackVariance;
    private readonly double _reciprocal; // 1 / period
    private int _next;
    private int _count;
    private int _sinceRecentre;
    private int _run; // how many of the latest inputs equal _last
    private double _last;
    private double _shift;
    private double _sum;
    private double _sumSquares;

    public WindowCore(int period, bool trackVariance)
    {
        _values = new double[period];
        _trackVariance = trackVariance;
        _reciprocal = 1.0 / period;
    }

    public readonly bool IsFull => _count == _values.Length;

    /// <summary>Mean of the window (meaningful when full).</summary>
    public readonly double Mean
    {
        get
        {
            var n = _values.Length;
            return _run >= n ? _last : ((_shift * n) + _sum) / n;
        }
    }

    /// <summary>Population variance of the window (divide by n), never negative; meaningful when full and tracked.</summary>
    public readonly double Variance
    {
        get
        {
            var n = _values.Length;
            if (_run >= n)
            {
                return 0;
            }

            var r = _reciprocal;
            var m = _sum * r;
            var v = (_sumSquares * r) - (m * m);
            return v > 0 ? v : 0;
        }
    }

    public void Add(double x)
    {
        var n = _values.Length;
        if (_count == 0)
        {
            _shift = x;
        }

        if (_count > 0 && x == _last)
        {
            if (_run < n)
            {
                _run++;
            }
        }
        else
        {
            _run = 1;
            _last = x;
        }

        var d = x - _shift;
        if (_count == n)
        {
            var old = _values[_next] - _shift;
            _sum += d - old;
            if (_trackVariance)
            {
                _sumSquares += (d * d) - (old * old);
            }
        }
        else
        {
            _count++;
            _sum += d;
            if (_trackVariance)
            {
                _sumSquares += d * d;
            }
        }

        _values[_next] = x;
        if (++_next == n)
        {
            _next = 0;
        }

        if (++_sinceRecentre >= n)
        {
            Recentre(x);
        }
        else if (_trackVariance)
        {
            // variance * count^2 = sumSquares * count - sum^2; recentre when it is a tiny part of sumSquares * count
            if (_sum * _sum > (1 - CancellationRatio) * _sumSquares * _count)
            {
                Recentre(x);
            }
        }
    }

    private void Recentre(double shift)
    {
        _shift = shift;
        _sinceRecentre = 0;
        double sum = 0;
        double sumSquares = 0;
        var values = _values;
        for (var i = 0; i < _count; i++)
        {
            var d = values[i] - shift;
            sum += d;
            sumSquares += d * d;
        }

        _sum = sum;
        _sumSquares = _trackVariance ? sumSquares : 0;
    }
}
