namespace TripleGain.Core.Indicators;

/// <summary>The last gate before a value leaves an indicator: NaN and infinities become null (absent).</summary>
internal static class Finite
{
    public static double? OrNull(double value) => double.IsFinite(value) ? value : null;

    /// <summary>numerator / denominator, or null when the divisor is 0 or the result is not finite.</summary>
    public static double? Ratio(double numerator, double denominator) =>
        denominator == 0 ? null : OrNull(numerator / denominator);
}
