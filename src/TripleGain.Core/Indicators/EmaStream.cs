using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming EMA: O(1) time and memory per input. Same numbers as <see cref="Indicator.ToEma(IReadOnlyList{Candle}, int)"/>.
/// Feed either candles (the close is used) or, for chaining on another indicator, values: absent or non-finite values
/// give null and are skipped, so leading nulls delay the seed (the SMA of the first <c>period</c> present values).
/// </summary>
public sealed class EmaStream
{
    private EmaCore _core;
    private CandleSequence _sequence;

    public EmaStream(int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "EMA");
        Period = period;
        _core = new EmaCore(period);
    }

    public int Period { get; }

    public EmaResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "EMA");
        return new EmaResult(candle.Timestamp, _core.Add((double)candle.Close) ? _core.Value : null);
    }

    public double? Add(double? value)
    {
        if (value is not { } x || !double.IsFinite(x))
        {
            return null;
        }

        return _core.Add(x) ? Finite.OrNull(_core.Value) : null;
    }
}
