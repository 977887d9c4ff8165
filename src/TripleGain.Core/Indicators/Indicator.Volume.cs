using TripleGain.Core.Market;

namespace TripleGain.Core.Indicators;

public static partial class Indicator
{
    /// <summary>On-balance volume: 0 at the first candle, then + volume when the close rises, - volume when it falls.</summary>
    public static IReadOnlyList<ObvResult> ToObv(this IReadOnlyList<Candle> candles)
    {
        Require(candles, "OBV");
        var results = new ObvResult[candles.Count];
        double obv = 0;
        for (var i = 0; i < results.Length; i++)
        {
            if (i > 0)
            {
                var close = (double)candles[i].Close;
                var previous = (double)candles[i - 1].Close;
                obv += close > previous ? (double)candles[i].Volume : close < previous ? -(double)candles[i].Volume : 0;
            }

            results[i] = new ObvResult(candles[i].Timestamp, obv);
        }

        return results;
    }

    /// <summary>
    /// VWAP = sum(volume * (H+L+C)/3) / sum(volume). <see cref="VwapAnchor.UtcDay"/> (the default) restarts the sums at
    /// 00:00 UTC each day; <see cref="VwapAnchor.FirstBar"/> accumulates from the first candle (Skender's ToVwap). With
    /// <paramref name="start"/>, candles before it are null and the sums start at it. Null while the summed volume is 0.
    /// </summary>
    public static IReadOnlyList<VwapResult> ToVwap(this IReadOnlyList<Candle> candles, VwapAnchor anchor = VwapAnchor.UtcDay, DateTime? start = null)
    {
        if (!Enum.IsDefined(anchor))
        {
            throw new ArgumentOutOfRangeException(nameof(anchor), anchor, $"VWAP anchor {anchor} is not one of {string.Join(", ", Enum.GetNames<VwapAnchor>())}.");
        }

        Require(candles, "VWAP");
        var results = new VwapResult[candles.Count];
        double priceVolume = 0;
        double volume = 0;
        for (var i = 0; i < results.Length; i++)
        {
            var c = candles[i];
            if (start is { } s && c.Timestamp < s)
            {
                results[i] = new VwapResult(c.Timestamp, null);
                continue;
            }

            if (anchor == VwapAnchor.UtcDay && i > 0 && c.Timestamp.Date != candles[i - 1].Timestamp.Date)
            {
                priceVolume = 0;
                volume = 0;
            }

            var v = (double)c.Volume;
            priceVolume += v * (((double)c.High + (double)c.Low + (double)c.Close) / 3);
            volume += v;
            results[i] = new VwapResult(c.Timestamp, volume > 0 ? Finite.OrNull(priceVolume / volume) : null);
        }

        return results;
    }

    /// <summary>Volume against its SMA: SMA(period) of volume from index period-1, and volume / SMA (null when the SMA is 0).</summary>
    public static IReadOnlyList<VolumeRatioResult> ToVolumeRatio(this IReadOnlyList<Candle> candles, int period = 20)
    {
        IndicatorParameters.AtLeast(period, 1, nameof(period), "volume ratio");
        Require(candles, "volume ratio");
        var volumes = new double?[candles.Count];
        for (var i = 0; i < volumes.Length; i++)
        {
            volumes[i] = (double)candles[i].Volume;
        }

        var sma = SmaOf(volumes, period);
        var results = new VolumeRatioResult[candles.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = new VolumeRatioResult(candles[i].Timestamp, sma[i],
                sma[i] is { } average ? Finite.Ratio(volumes[i]!.Value, average) : null);
        }

        return results;
    }
}
