namespace TripleGain.Core.Indicators;

/// <summary>Band formulas shared by the batch and streaming forms of Bollinger Bands and Keltner Channels.</summary>
internal static class BandMath
{
    /// <summary>A deviation at or below this fraction of the mean is rounding noise of a flat window: it counts as 0.</summary>
    private const double FlatRatio = 1e-12;

    /// <summary>Population standard deviation from the population variance; 0 for a flat window.</summary>
    public static double StandardDeviation(double mean, double variance)
    {
        var sd = Math.Sqrt(variance > 0 ? variance : 0);
        return sd <= FlatRatio * Math.Abs(mean) ? 0 : sd;
    }

    public static void Bollinger(
        double close, double mean, double sd, double k,
        out double upper, out double lower, out double? percentB, out double? zScore, out double? width)
    {
        upper = mean + (k * sd);
        lower = mean - (k * sd);
        var span = upper - lower;
        percentB = span == 0 ? null : Finite.OrNull((close - lower) / span);
        zScore = sd == 0 ? null : Finite.OrNull((close - mean) / sd);
        width = Finite.Ratio(span, mean);
    }

    public static BollingerBandsResult BollingerResult(DateTime timestamp, double close, double mean, double variance, double k)
    {
        var sd = StandardDeviation(mean, variance);
        Bollinger(close, mean, sd, k, out var upper, out var lower, out var percentB, out var zScore, out var width);
        return new BollingerBandsResult(timestamp, mean, Finite.OrNull(upper), Finite.OrNull(lower), percentB, zScore, width);
    }

    public static KeltnerResult KeltnerResult(DateTime timestamp, double ema, double atr, double multiplier)
    {
        var span = atr * multiplier;
        return new KeltnerResult(timestamp, ema + span, ema, ema - span, Finite.Ratio(2 * span, ema));
    }
}
