namespace TripleGain.Core.Indicators;

/// <summary>Remembers the last <c>lag</c> inputs and hands back the one from <c>lag</c> inputs ago (a ring buffer).</summary>
internal struct LagCore
{
    private readonly double[] _values;
    private int _next;
    private int _count;

    public LagCore(int lag)
    {
        _values = new double[lag];
    }

    /// <summary>Adds <paramref name="x"/>; returns true with the input from <c>lag</c> inputs ago once there is one.</summary>
    public bool Add(double x, out double lagged)
    {
        var values = _values;
        var had = _count == values.Length;
        lagged = had ? values[_next] : 0;
        if (!had)
        {
            _count++;
        }

        values[_next] = x;
        if (++_next == values.Length)
        {
            _next = 0;
        }

        return had;
    }
}
