using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

public static partial class Indicator
{
    /// <summary>
    /// Wilder's RSI of the close: the first average gain/loss, at index period, is the mean of the changes of bars
    /// 1..period; then <c>avg = (avg*(period-1)+x)/period</c>; RSI = 100 - 100/(1+gain/loss), or 100 when the average loss is 0.
    /// </summary>
    public static IReadOnlyList<RsiResult> ToRsi(this IReadOnlyList<Candle> candles, int period = 14)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "RSI");
        Require(candles, "RSI");
        var closes = Closes(candles);
        var results = new RsiResult[closes.Length];
        double averageGain = 0;
        double averageLoss = 0;
        for (var i = 0; i < closes.Length; i++)
        {
            double? rsi = null;
            if (i > 0)
            {
                var change = closes[i] - closes[i - 1];
                var gain = Math.Max(change, 0);
                var loss = Math.Max(-change, 0);
                if (i > period)
                {
                    averageGain = ((averageGain * (period - 1)) + gain) / period;
                    averageLoss = ((averageLoss * (period - 1)) + loss) / period;
                }
                else if (i == period)
                {
                    double sumGain = 0;
                    double sumLoss = 0;
                    for (var p = 1; p <= period; p++)
                    {
                        var c = closes[p] - closes[p - 1];
                        sumGain += Math.Max(c, 0);
                        sumLoss += Math.Max(-c, 0);
                    }

                    averageGain = sumGain / period;
                    averageLoss = sumLoss / period;
                }

                if (i >= period)
                {
                    rsi = averageLoss > 0 ? 100 - (100 / (1 + (averageGain / averageLoss))) : 100;
                }
            }

            results[i] = new RsiResult(candles[i].Timestamp, rsi);
        }

        return results;
    }

    /// <summary>Rate of change: momentum = close - close[i-period]; ROC = 100 * momentum / close[i-period] (percent), from index period.</summary>
    public static IReadOnlyList<RocResult> ToRoc(this IReadOnlyList<Candle> candles, int period)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "ROC");
        Require(candles, "ROC");
        var closes = Closes(candles);
        var results = new RocResult[closes.Length];
        for (var i = 0; i < closes.Length; i++)
        {
            if (i < period)
            {
                results[i] = new RocResult(candles[i].Timestamp, null, null);
                continue;
            }

            var before = closes[i - period];
            var momentum = closes[i] - before;
            results[i] = new RocResult(candles[i].Timestamp, momentum, Finite.Ratio(100 * momentum, before));
        }

        return results;
    }
}
