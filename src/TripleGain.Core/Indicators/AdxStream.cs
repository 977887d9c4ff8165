using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming ADX with +DI/-DI/DX and ADXR: +DI/-DI/DX from bar <c>period</c>, ADX from bar 2*period-1,
/// ADXR = (ADX + ADX period bars ago) / 2 from bar 3*period-1. O(1) per candle.
/// </summary>
public sealed class AdxStream
{
    private AdxCore _core;
    private LagCore _adxLag;
    private CandleSequence _sequence;

    public AdxStream(int period = 14)
    {
        IndicatorParameters.AtLeast(period, 2, nameof(period), "ADX");
        Period = period;
        _core = new AdxCore(period);
        _adxLag = new LagCore(period);
    }

    public int Period { get; }

    public AdxResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "ADX");
        _core.Add((double)candle.High, (double)candle.Low, (double)candle.Close);
        double? adx = _core.HasAdx ? _core.Adx : null;
        double? adxr = null;
        if (_adxLag.Add(adx ?? double.NaN, out var prior) && adx is { } a && !double.IsNaN(prior))
        {
            adxr = (a + prior) / 2;
        }

        return _core.HasDirection
            ? new AdxResult(candle.Timestamp, _core.PlusDi, _core.MinusDi, _core.Dx, adx, adxr)
            : new AdxResult(candle.Timestamp, null, null, null, null, null);
    }
}
