using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>Streaming true range and Wilder ATR (first ATR at bar <c>period</c>); ATRP = 100 * ATR / close.</summary>
public sealed class AtrStream
{
    private AtrCore _core;
    private CandleSequence _sequence;

    public AtrStream(int period = 14)
    {
        IndicatorParameters.AtLeast(period, 2, nameof(period), "ATR");
        Period = period;
        _core = new AtrCore(period);
    }

    public int Period { get; }

    public AtrResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "ATR");
        var close = (double)candle.Close;
        var ready = _core.Add((double)candle.High, (double)candle.Low, close);
        double? tr = _core.HasTrueRange ? _core.TrueRange : null;
        return ready
            ? new AtrResult(candle.Timestamp, tr, _core.Value, Finite.Ratio(100 * _core.Value, close))
            : new AtrResult(candle.Timestamp, tr, null, null);
    }
}
