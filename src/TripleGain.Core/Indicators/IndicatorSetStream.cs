using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Streams the whole indicator set of <see cref="IndicatorSettings"/>: each <see cref="Add"/> takes the next candle
/// (strictly increasing timestamps) in O(1) time and memory and returns the values at that candle.
/// The numbers are those of the individual indicators (<see cref="Indicator"/>, and the *Stream classes): EMA fast/mid/slow,
/// RSI, MACD, ROC, ADX with +DI/-DI, ATR, Bollinger Bands with %B and width, Keltner Channels, OBV, the session VWAP
/// (<see cref="VwapAnchor.UtcDay"/>) and volume / SMA(volume). It is the hot path of backtests: one allocation per
/// candle (the returned record), no LINQ, each decimal converted to double once.
/// </summary>
public sealed class IndicatorSetStream
{
    private readonly double _bollingerDeviations;
    private readonly double _keltnerMultiplier;
    private CandleSequence _sequence;
    private EmaCore _emaFast;
    private EmaCore _emaMid;
    private EmaCore _emaSlow;
    private RsiCore _rsi;
    private EmaCore _macdFast;
    private EmaCore _macdSlow;
    private EmaCore _macdSignal;
    private LagCore _roc;
    private AdxCore _adx;
    private AtrCore _atr;
    private WindowCore _bollinger;
    private EmaCore _keltnerEma;
    private AtrCore _keltnerAtr;
    private bool _started;
    private double _previousClose;
    private double _obv;
    private VwapCore _vwap;
    private WindowCore _volume;

    public IndicatorSetStream(IndicatorSettings? settings = null)
    {
        Settings = settings ?? IndicatorSettings.Default;
        var s = Settings;
        IndicatorParameters.AtLeast(s.EmaFast, 1, nameof(s.EmaFast), "indicator set");
        IndicatorParameters.AtLeast(s.EmaMid, 1, nameof(s.EmaMid), "indicator set");
        IndicatorParameters.AtLeast(s.EmaSlow, 1, nameof(s.EmaSlow), "indicator set");
        IndicatorParameters.AtLeast(s.Rsi, 1, nameof(s.Rsi), "indicator set");
        IndicatorParameters.AtLeast(s.MacdFast, 1, nameof(s.MacdFast), "indicator set");
        IndicatorParameters.Greater(s.MacdSlow, s.MacdFast, nameof(s.MacdSlow), nameof(s.MacdFast), "indicator set");
        IndicatorParameters.AtLeast(s.MacdSignal, 1, nameof(s.MacdSignal), "indicator set");
        IndicatorParameters.AtLeast(s.Roc, 1, nameof(s.Roc), "indicator set");
        IndicatorParameters.AtLeast(s.Adx, 2, nameof(s.Adx), "indicator set");
        IndicatorParameters.AtLeast(s.Atr, 2, nameof(s.Atr), "indicator set");
        IndicatorParameters.AtLeast(s.BollingerPeriod, 2, nameof(s.BollingerPeriod), "indicator set");
        IndicatorParameters.Positive(s.BollingerStdDevs, nameof(s.BollingerStdDevs), "indicator set");
        IndicatorParameters.AtLeast(s.KeltnerEma, 2, nameof(s.KeltnerEma), "indicator set");
        IndicatorParameters.Positive(s.KeltnerMultiplier, nameof(s.KeltnerMultiplier), "indicator set");
        IndicatorParameters.AtLeast(s.KeltnerAtr, 2, nameof(s.KeltnerAtr), "indicator set");
        IndicatorParameters.AtLeast(s.VolumeMa, 1, nameof(s.VolumeMa), "indicator set");

        _bollingerDeviations = s.BollingerStdDevs;
        _keltnerMultiplier = s.KeltnerMultiplier;
        _emaFast = new EmaCore(s.EmaFast);
        _emaMid = new EmaCore(s.EmaMid);
        _emaSlow = new EmaCore(s.EmaSlow);
        _rsi = new RsiCore(s.Rsi);
        _macdFast = new EmaCore(s.MacdFast);
        _macdSlow = new EmaCore(s.MacdSlow);
        _macdSignal = new EmaCore(s.MacdSignal);
        _roc = new LagCore(s.Roc);
        _adx = new AdxCore(s.Adx);
        _atr = new AtrCore(s.Atr);
        _bollinger = new WindowCore(s.BollingerPeriod, trackVariance: true);
        _keltnerEma = new EmaCore(s.KeltnerEma);
        _keltnerAtr = new AtrCore(s.KeltnerAtr);
        _vwap = new VwapCore(VwapAnchor.UtcDay, start: null);
        _volume = new WindowCore(s.VolumeMa, trackVariance: false);
    }

    public IndicatorSettings Settings { get; }

    /// <summary>The values at the last candle added, or null before the first.</summary>
    public IndicatorValues? Last { get; private set; }

    /// <summary>Adds the next candle and returns the set's values at it.</summary>
    /// <exception cref="ArgumentException">The candle's timestamp is not after the previous candle's (nothing changes).</exception>
    public IndicatorValues Add(in Candle candle)
    {
        _sequence.Advance(candle.Timestamp, "indicator set");
        var high = (double)candle.High;
        var low = (double)candle.Low;
        var close = (double)candle.Close;
        var volume = (double)candle.Volume;

        double? emaFast = _emaFast.Add(close) ? _emaFast.Value : null;
        double? emaMid = _emaMid.Add(close) ? _emaMid.Value : null;
        double? emaSlow = _emaSlow.Add(close) ? _emaSlow.Value : null;
        double? rsi = _rsi.Add(close, out var rsiValue) ? rsiValue : null;

        double? macd = null;
        double? macdSignal = null;
        double? macdHistogram = null;
        var macdFastReady = _macdFast.Add(close);
        if (_macdSlow.Add(close) && macdFastReady)
        {
            var m = _macdFast.Value - _macdSlow.Value;
            macd = m;
            if (_macdSignal.Add(m))
            {
                macdSignal = _macdSignal.Value;
                macdHistogram = m - _macdSignal.Value;
            }
        }

        double? roc = null;
        if (_roc.Add(close, out var before))
        {
            roc = Finite.Ratio(100 * (close - before), before);
        }

        _adx.Add(high, low, close);
        double? plusDi = null;
        double? minusDi = null;
        double? adx = null;
        if (_adx.HasDirection)
        {
            plusDi = _adx.PlusDi;
            minusDi = _adx.MinusDi;
            if (_adx.HasAdx)
            {
                adx = _adx.Adx;
            }
        }

        double? atr = _atr.Add(high, low, close) ? _atr.Value : null;

        double? bollingerUpper = null;
        double? bollingerMiddle = null;
        double? bollingerLower = null;
        double? bollingerPercentB = null;
        double? bollingerWidth = null;
        _bollinger.Add(close);
        if (_bollinger.IsFull)
        {
            var mean = _bollinger.Mean;
            var sd = BandMath.StandardDeviation(mean, _bollinger.Variance);
            BandMath.Bollinger(close, mean, sd, _bollingerDeviations, out var upper, out var lower, out bollingerPercentB, out _, out bollingerWidth);
            bollingerUpper = upper;
            bollingerMiddle = mean;
            bollingerLower = lower;
        }

        double? keltnerUpper = null;
        double? keltnerMiddle = null;
        double? keltnerLower = null;
        var keltnerEmaReady = _keltnerEma.Add(close);
        if (_keltnerAtr.Add(high, low, close) && keltnerEmaReady)
        {
            var centre = _keltnerEma.Value;
            var span = _keltnerAtr.Value * _keltnerMultiplier;
            keltnerUpper = centre + span;
            keltnerMiddle = centre;
            keltnerLower = centre - span;
        }

        if (_started)
        {
            if (close > _previousClose)
            {
                _obv += volume;
            }
            else if (close < _previousClose)
            {
                _obv -= volume;
            }
        }

        _started = true;
        _previousClose = close;

        var vwap = _vwap.Add(candle.Timestamp, high, low, close, volume);

        double? volumeRatio = null;
        _volume.Add(volume);
        if (_volume.IsFull)
        {
            volumeRatio = Finite.Ratio(volume, _volume.Mean);
        }

        var values = new IndicatorValues(
            candle.Timestamp,
            close,
            emaFast,
            emaMid,
            emaSlow,
            rsi,
            macd,
            macdSignal,
            macdHistogram,
            roc,
            adx,
            plusDi,
            minusDi,
            atr,
            bollingerUpper,
            bollingerMiddle,
            bollingerLower,
            bollingerPercentB,
            bollingerWidth,
            keltnerUpper,
            keltnerMiddle,
            keltnerLower,
            _obv,
            vwap,
            volumeRatio);
        Last = values;
        return values;
    }
}
