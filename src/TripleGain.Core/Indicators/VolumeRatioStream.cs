using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Streaming volume / SMA(period) of volume; the ratio is null while warming up and when the SMA is 0.</summary>
public sealed class VolumeRatioStream
{
    private WindowCore _window;
    private CandleSequence _sequence;

    public VolumeRatioStream(int period = 20)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "volume ratio");
        Period = period;
        _window = new WindowCore(period, trackVariance: false);
    }

    public int Period { get; }

    public VolumeRatioResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "volume ratio");
        var volume = (double)candle.Volume;
        _window.Add(volume);
        if (!_window.IsFull)
        {
            return new VolumeRatioResult(candle.Timestamp, null, null);
        }

        var sma = _window.Mean;
        return new VolumeRatioResult(candle.Timestamp, sma, Finite.Ratio(volume, sma));
    }
}
