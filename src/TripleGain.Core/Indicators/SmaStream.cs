using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming SMA over the last <c>period</c> inputs: O(1) per input (ring buffer and running sum).
/// Feed candles (the close is used) or values; absent or non-finite values give null and are skipped.
/// </summary>
public sealed class SmaStream
{
    private WindowCore _window;
    private CandleSequence _sequence;

    public SmaStream(int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "SMA");
        Period = period;
        _window = new WindowCore(period, trackVariance: false);
    }

    public int Period { get; }

    public SmaResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "SMA");
        _window.Add((double)candle.Close);
        return new SmaResult(candle.Timestamp, _window.IsFull ? _window.Mean : null);
    }

    public double? Add(double? value)
    {
        if (value is not { } x || !double.IsFinite(x))
        {
            return null;
        }

        _window.Add(x);
        return _window.IsFull ? Finite.OrNull(_window.Mean) : null;
    }
}
