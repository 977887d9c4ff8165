namespace TripleGain.Core.Indicators;

/// <summary>
/// Exponential moving average state (Skender convention): the first value, after <c>period</c> inputs, is their simple
/// mean; then <c>ema += k * (x - ema)</c> with <c>k = 2 / (period + 1)</c>. O(1) time and memory.
/// </summary>
internal struct EmaCore
{
    private readonly int _period;
    private readonly double _k;
    private int _count;
    private double _value; // the running sum while warming up, then the EMA

    public EmaCore(int period)
    {
        _period = period;
        _k = 2.0 / (period + 1);
    }

    public readonly bool IsReady => _count >= _period;

    /// <summary>The EMA; meaningful only when <see cref="IsReady"/>.</summary>
    public readonly double Value => _value;

    /// <summary>Adds one input; returns true when <see cref="Value"/> is an EMA.</summary>
    public bool Add(double x)
    {
        if (_count >= _period)
        {
            _value += _k * (x - _value);
            return true;
        }

        _value += x;
        if (++_count == _period)
        {
            _value /= _period;
            return true;
        }

        return false;
    }
}
