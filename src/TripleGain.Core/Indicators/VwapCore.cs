namespace TripleGain.Core.Indicators;

/// <summary>
/// Volume-weighted average price state: sum(volume * typical) / sum(volume), typical = (high + low + close) / 3,
/// cumulative from the anchor; nothing before <c>start</c>; absent while the cumulative volume is 0.
/// </summary>
internal struct VwapCore
{
    private readonly VwapAnchor _anchor;
    private readonly long _startTicks;
    private long _day;
    private double _priceVolume;
    private double _volume;

    public VwapCore(VwapAnchor anchor, DateTime? start)
    {
        _anchor = anchor;
        _startTicks = start?.Ticks ?? long.MinValue;
        _day = long.MinValue;
    }

    public double? Add(DateTime timestamp, double high, double low, double close, double volume)
    {
        if (timestamp.Ticks < _startTicks)
        {
            return null;
        }

        if (_anchor == VwapAnchor.UtcDay)
        {
            var day = timestamp.Ticks / TimeSpan.TicksPerDay;
            if (day != _day)
            {
                _day = day;
                _priceVolume = 0;
                _volume = 0;
            }
        }

        var typical = (high + low + close) / 3;
        _priceVolume += volume * typical;
        _volume += volume;
        return _volume > 0 ? Finite.OrNull(_priceVolume / _volume) : null;
    }
}
