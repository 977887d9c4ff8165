using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

public static partial class Indicator
{
    /// <summary>
    /// True range (from index 1: max(H-L, |H-prevC|, |L-prevC|)), Wilder's ATR (first at index period = mean of TR[1..period],
    /// then <c>(atr*(period-1)+tr)/period</c>) and ATRP = 100 * ATR / close.
    /// </summary>
    public static IReadOnlyList<AtrResult> ToAtr(this IReadOnlyList<Candle> candles, int period = 14)
    {
        IndicatorParameters.AtLeast(period, 2, nameof(period), "ATR");
        Require(candles, "ATR");
        var atr = AtrOf(candles, period, out var tr);
        var results = new AtrResult[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var close = (double)candles[i].Close;
            results[i] = new AtrResult(candles[i].Timestamp, tr[i], atr[i],
                atr[i] is { } a ? Finite.Ratio(100 * a, close) : null);
        }

        return results;
    }

    /// <summary>
    /// ADX with +DI, -DI, DX and ADXR (Wilder; Skender's convention): the smoothed TR/+DM/-DM at index period are the sums of
    /// bars 1..period, then <c>s = s - s/period + x</c>; DI and DX from index period; ADX from index 2*period-1 (mean of the
    /// first period DX values, then Wilder); ADXR = (ADX + ADX[i-period]) / 2 from index 3*period-1.
    /// </summary>
    public static IReadOnlyList<AdxResult> ToAdx(this IReadOnlyList<Candle> candles, int period = 14)
    {
        IndicatorParameters.AtLeast(period, 2, nameof(period), "ADX");
        Require(candles, "ADX");
        var count = candles.Count;
        var high = new double[count];
        var low = new double[count];
        var close = new double[count];
        for (var i = 0; i < count; i++)
        {
            high[i] = (double)candles[i].High;
            low[i] = (double)candles[i].Low;
            close[i] = (double)candles[i].Close;
        }

        var results = new AdxResult[count];
        var adx = new double?[count];
        double trs = 0;
        double pdm = 0;
        double mdm = 0;
        double average = 0;
        var dxSeen = 0;
        for (var i = 0; i < count; i++)
        {
            var timestamp = candles[i].Timestamp;
            if (i < period)
            {
                results[i] = new AdxResult(timestamp, null, null, null, null, null);
                continue;
            }

            if (i == period)
            {
                trs = 0;
                pdm = 0;
                mdm = 0;
                for (var p = 1; p <= period; p++)
                {
                    trs += AtrCore.TrueRangeOf(high[p], low[p], close[p - 1]);
                    pdm += PlusMovement(high, low, p);
                    mdm += MinusMovement(high, low, p);
                }
            }
            else
            {
                trs = trs - (trs / period) + AtrCore.TrueRangeOf(high[i], low[i], close[i - 1]);
                pdm = pdm - (pdm / period) + PlusMovement(high, low, i);
                mdm = mdm - (mdm / period) + MinusMovement(high, low, i);
            }

            if (trs == 0)
            {
                results[i] = new AdxResult(timestamp, null, null, null, null, null);
                continue;
            }

            var pdi = 100 * pdm / trs;
            var mdi = 100 * mdm / trs;
            var dx = pdi == mdi ? 0 : 100 * Math.Abs(pdi - mdi) / (pdi + mdi);
            dxSeen++;
            if (dxSeen == period)
            {
                double sum = 0;
                for (var p = i; p > i - period; p--)
                {
                    sum += results[p] is { Dx: { } d } ? d : dx;
                }

                average = sum / period;
            }
            else if (dxSeen > period)
            {
                average = ((average * (period - 1)) + dx) / period;
            }

            adx[i] = dxSeen >= period ? average : null;
            double? adxr = i >= period && adx[i] is { } now && adx[i - period] is { } before ? (now + before) / 2 : null;
            results[i] = new AdxResult(timestamp, pdi, mdi, dx, adx[i], adxr);
        }

        return results;
    }

    /// <summary>
    /// Bollinger Bands of the close: SMA ± standardDeviations * population standard deviation (divide by n), from index
    /// period-1; %B = (close-lower)/(upper-lower) (null when the bands meet), z-score = (close-SMA)/sd (null when sd = 0),
    /// width = (upper-lower)/SMA. A window whose deviation is below 1e-12 of its mean is flat (sd = 0).
    /// </summary>
    public static IReadOnlyList<BollingerBandsResult> ToBollingerBands(this IReadOnlyList<Candle> candles, int period = 20, double standardDeviations = 2)
    {
        BollingerBandsStream.Validate(period, standardDeviations);
        Require(candles, "Bollinger Bands");
        var closes = Closes(candles);
        var results = new BollingerBandsResult[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            if (i < period - 1)
            {
                results[i] = new BollingerBandsResult(candles[i].Timestamp, null, null, null, null, null, null);
                continue;
            }

            double sum = 0;
            for (var p = i - period + 1; p <= i; p++)
            {
                sum += closes[p];
            }

            var mean = sum / period;
            double squares = 0;
            for (var p = i - period + 1; p <= i; p++)
            {
                var d = closes[p] - mean;
                squares += d * d;
            }

            results[i] = BandMath.BollingerResult(candles[i].Timestamp, closes[i], mean, squares / period, standardDeviations);
        }

        return results;
    }

    /// <summary>
    /// Keltner Channels: centre = EMA(emaPeriod) of the close, bands = centre ± multiplier * ATR(atrPeriod), width =
    /// (upper-lower)/centre; values where both exist (from index max(emaPeriod-1, atrPeriod); 19 for 20/2/10).
    /// </summary>
    public static IReadOnlyList<KeltnerResult> ToKeltner(this IReadOnlyList<Candle> candles, int emaPeriod = 20, double multiplier = 2, int atrPeriod = 10)
    {
        KeltnerStream.Validate(emaPeriod, multiplier, atrPeriod);
        Require(candles, "Keltner");
        var ema = EmaOf(Nullable(Closes(candles)), emaPeriod);
        var atr = AtrOf(candles, atrPeriod, out _);
        var results = new KeltnerResult[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = ema[i] is { } centre && atr[i] is { } range
                ? BandMath.KeltnerResult(candles[i].Timestamp, centre, range, multiplier)
                : new KeltnerResult(candles[i].Timestamp, null, null, null, null);
        }

        return results;
    }

    private static double?[] AtrOf(IReadOnlyList<Candle> candles, int period, out double?[] trueRanges)
    {
        var count = candles.Count;
        var tr = new double?[count];
        var atr = new double?[count];
        double average = 0;
        for (var i = 1; i < count; i++)
        {
            var range = AtrCore.TrueRangeOf((double)candles[i].High, (double)candles[i].Low, (double)candles[i - 1].Close);
            tr[i] = range;
            if (i < period)
            {
                continue;
            }

            if (i == period)
            {
                double sum = 0;
                for (var p = 1; p <= period; p++)
                {
                    sum += tr[p]!.Value;
                }

                average = sum / period;
            }
            else
            {
                average = ((average * (period - 1)) + range) / period;
            }

            atr[i] = average;
        }

        trueRanges = tr;
        return atr;
    }

    private static double PlusMovement(double[] high, double[] low, int i)
    {
        var up = high[i] - high[i - 1];
        var down = low[i - 1] - low[i];
        return up > down ? Math.Max(up, 0) : 0;
    }

    private static double MinusMovement(double[] high, double[] low, int i)
    {
        var up = high[i] - high[i - 1];
        var down = low[i - 1] - low[i];
        return down > up ? Math.Max(down, 0) : 0;
    }
}
