using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streaming Keltner Channels: centre = EMA(emaPeriod) of close (SMA-seeded), bands = centre ± multiplier * ATR(atrPeriod)
/// (Wilder); values once both are ready (bar max(emaPeriod - 1, atrPeriod)).
/// </summary>
public sealed class KeltnerStream
{
    private EmaCore _ema;
    private AtrCore _atr;
    private CandleSequence _sequence;

    public KeltnerStream(int emaPeriod = 20, double multiplier = 2, int atrPeriod = 10)
    {
        Validate(emaPeriod, multiplier, atrPeriod);
        EmaPeriod = emaPeriod;
        Multiplier = multiplier;
        AtrPeriod = atrPeriod;
        _ema = new EmaCore(emaPeriod);
        _atr = new AtrCore(atrPeriod);
    }

    public int EmaPeriod { get; }

    public double Multiplier { get; }

    public int AtrPeriod { get; }

    public KeltnerResult Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "Keltner");
        var close = (double)candle.Close;
        var emaReady = _ema.Add(close);
        var atrReady = _atr.Add((double)candle.High, (double)candle.Low, close);
        return emaReady && atrReady
            ? BandMath.KeltnerResult(candle.Timestamp, _ema.Value, _atr.Value, Multiplier)
            : new KeltnerResult(candle.Timestamp, null, null, null, null);
    }

    internal static void Validate(int emaPeriod, double multiplier, int atrPeriod)
    {
        IndicatorParameters.AtLeast(emaPeriod, 2, nameof(emaPeriod), "Keltner");
        IndicatorParameters.Positive(multiplier, nameof(multiplier), "Keltner");
        IndicatorParameters.AtLeast(atrPeriod, 2, nameof(atrPeriod), "Keltner");
    }
}
