using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

/// <summary>
/// Batch indicators over a candle series (Skender Stock.Indicators conventions): each method returns one result per
/// candle, in order, with null while the indicator warms up (never 0), and never NaN or infinity. Candles must be in
/// strictly increasing time; gaps in time are not filled: indicators run on the sequence as given.
/// The batch forms are computed directly over the series (windows summed afresh, two-pass deviations), independently
/// of the O(1) streaming classes, which agree with them to rounding.
/// </summary>
public static partial class Indicator
{
    private static double[] Closes(IReadOnlyList<Candle> candles)
    {
        var values = new double[candles.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (double)candles[i].Close;
        }

        return values;
    }

    private static void Require(IReadOnlyList<Candle> candles, string indicator)
    {
        ArgumentNullException.ThrowIfNull(candles);
        CandleSequence.RequireIncreasing(candles, indicator);
    }

    /// <summary>EMA over present values: absent/non-finite inputs give null and are skipped; the seed is the SMA of the first <paramref name="period"/> present values.</summary>
    private static double?[] EmaOf(IReadOnlyList<double?> values, int period)
    {
        var result = new double?[values.Count];
        var k = 2.0 / (period + 1);
        var count = 0;
        double sum = 0;
        double ema = 0;
        for (var i = 0; i < result.Length; i++)
        {
            if (values[i] is not { } x || !double.IsFinite(x))
            {
                continue;
            }

            if (count < period)
            {
                sum += x;
                if (++count < period)
                {
                    continue;
                }

                ema = sum / period;
            }
            else
            {
                ema += k * (x - ema);
            }

            result[i] = Finite.OrNull(ema);
        }

        return result;
    }

    /// <summary>SMA over the last <paramref name="period"/> present values, each window summed afresh.</summary>
    private static double?[] SmaOf(IReadOnlyList<double?> values, int period)
    {
        var result = new double?[values.Count];
        var present = new List<double>(values.Count);
        for (var i = 0; i < result.Length; i++)
        {
            if (values[i] is not { } x || !double.IsFinite(x))
            {
                continue;
            }

            present.Add(x);
            if (present.Count < period)
            {
                continue;
            }

            double sum = 0;
            for (var p = present.Count - period; p < present.Count; p++)
            {
                sum += present[p];
            }

            result[i] = Finite.OrNull(sum / period);
        }

        return result;
    }

    private static double?[] Nullable(double[] values)
    {
        var result = new double?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }
}
