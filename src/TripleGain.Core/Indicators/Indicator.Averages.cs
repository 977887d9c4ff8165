using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

public static partial class Indicator
{
    /// <summary>EMA of the close: first value at index period-1 = SMA of the first period closes, then <c>ema += k*(close-ema)</c>, k = 2/(period+1).</summary>
    public static IReadOnlyList<EmaResult> ToEma(this IReadOnlyList<Candle> candles, int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "EMA");
        Require(candles, "EMA");
        var ema = EmaOf(Nullable(Closes(candles)), period);
        var results = new EmaResult[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new EmaResult(candles[i].Timestamp, ema[i]);
        }

        return results;
    }

    /// <summary>
    /// EMA of another series (e.g. an indicator's output), for chaining: absent or non-finite values give null and are
    /// skipped, so the seed is the SMA of the first <paramref name="period"/> present values (EMA(20) of RSI(14) starts at index 33).
    /// </summary>
    public static IReadOnlyList<double?> ToEma(this IReadOnlyList<double?> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        IndicatorParameters.AtLeast(period, 1, nameof(period), "EMA");
        return EmaOf(values, period);
    }

    /// <inheritdoc cref="ToEma(IReadOnlyList{double?}, int)"/>
    public static IReadOnlyList<double?> ToEma(this IReadOnlyList<double> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        IndicatorParameters.AtLeast(period, 1, nameof(period), "EMA");
        return EmaOf(values.Select(v => (double?)v).ToArray(), period);
    }

    /// <summary>Simple moving average of the close over the last <paramref name="period"/> candles (from index period-1).</summary>
    public static IReadOnlyList<SmaResult> ToSma(this IReadOnlyList<Candle> candles, int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "SMA");
        Require(candles, "SMA");
        var sma = SmaOf(Nullable(Closes(candles)), period);
        var results = new SmaResult[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new SmaResult(candles[i].Timestamp, sma[i]);
        }

        return results;
    }

    /// <summary>SMA of another series: absent or non-finite values give null and are skipped (the window holds the last <paramref name="period"/> present values).</summary>
    public static IReadOnlyList<double?> ToSma(this IReadOnlyList<double?> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        IndicatorParameters.AtLeast(period, 1, nameof(period), "SMA");
        return SmaOf(values, period);
    }

    /// <inheritdoc cref="ToSma(IReadOnlyList{double?}, int)"/>
    public static IReadOnlyList<double?> ToSma(this IReadOnlyList<double> values, int period)
    {
        ArgumentNullException.ThrowIfNull(values);
        IndicatorParameters.AtLeast(period, 1, nameof(period), "SMA");
        return SmaOf(values.Select(v => (double?)v).ToArray(), period);
    }

    /// <summary>
    /// MACD: fast and slow SMA-seeded EMAs of the close; MACD = fast - slow from index slowPeriod-1; signal = EMA of MACD
    /// (seeded with the SMA of its first signalPeriod values, from index slowPeriod+signalPeriod-2); histogram = MACD - signal.
    /// </summary>
    public static IReadOnlyList<MacdResult> ToMacd(this IReadOnlyList<Candle> candles, int fastPeriod = 12, int slowPeriod = 26, int signalPeriod = 9)
    {
        MacdStream.Validate(fastPeriod, slowPeriod, signalPeriod);
        Require(candles, "MACD");
        var closes = Nullable(Closes(candles));
        var fast = EmaOf(closes, fastPeriod);
        var slow = EmaOf(closes, slowPeriod);
        var macd = new double?[closes.Length];
        for (var i = 0; i < macd.Length; i++)
        {
            macd[i] = fast[i] - slow[i];
        }

        var signal = EmaOf(macd, signalPeriod);
        var results = new MacdResult[closes.Length];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new MacdResult(candles[i].Timestamp, macd[i], signal[i], macd[i] - signal[i], fast[i], slow[i]);
        }

        return results;
    }
}
