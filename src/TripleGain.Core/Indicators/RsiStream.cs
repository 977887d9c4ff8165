using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Streaming Wilder RSI on closes: O(1) per candle; first value at the <c>period</c>-th candle after the first.</summary>
public sealed class RsiStream
{
    private RsiCore _core;
    private CandleSequence _sequence;

    public RsiStream(int period = 14)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "RSI");
        Period = period;
        _core = new RsiCore(period);
    }

    public int Period { get; }

    public RsiResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "RSI");
        return new RsiResult(candle.Timestamp, _core.Add((double)candle.Close, out var rsi) ? rsi : null);
    }
}
