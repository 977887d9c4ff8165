using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming MACD: fast and slow SMA-seeded EMAs of the close, MACD = fast - slow from the slow EMA's first value,
/// signal = EMA of MACD seeded with the SMA of its first <c>signalPeriod</c> values, histogram = MACD - signal.
/// </summary>
public sealed class MacdStream
{
    private EmaCore _fast;
    private EmaCore _slow;
    private EmaCore _signal;
    private CandleSequence _sequence;

    public MacdStream(int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        Validate(fastPeriod, slowPeriod, signalPeriod);
        FastPeriod = fastPeriod;
        SlowPeriod = slowPeriod;
        SignalPeriod = signalPeriod;
        _fast = new EmaCore(fastPeriod);
        _slow = new EmaCore(slowPeriod);
        _signal = new EmaCore(signalPeriod);
    }

    public int FastPeriod { get; }

    public int SlowPeriod { get; }

    public int SignalPeriod { get; }

    public MacdResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "MACD");
        var close = (double)candle.Close;
        var fastReady = _fast.Add(close);
        var slowReady = _slow.Add(close);
        double? fast = fastReady ? _fast.Value : null;
        if (!slowReady)
        {
            return new MacdResult(candle.Timestamp, null, null, null, fast, null);
        }

        var macd = _fast.Value - _slow.Value;
        if (!_signal.Add(macd))
        {
            return new MacdResult(candle.Timestamp, macd, null, null, fast, _slow.Value);
        }

        var signal = _signal.Value;
        return new MacdResult(candle.Timestamp, macd, signal, macd - signal, fast, _slow.Value);
    }

    internal static void Validate(int fastPeriod, int slowPeriod, int signalPeriod)
    {
        IndicatorParameters.AtLeast(fastPeriod, 1, nameof(fastPeriod), "MACD");
        IndicatorParameters.Greater(slowPeriod, fastPeriod, nameof(slowPeriod), nameof(fastPeriod), "MACD");
        IndicatorParameters.AtLeast(signalPeriod, 1, nameof(signalPeriod), "MACD");
    }
}
