using System.Globalization;

namespace TripleGain.Core.Indicators;

/// <summary>Parameter rules shared by the batch and streaming forms: each failure names the indicator, the parameter, the value and the rule.</summary>
internal static class IndicatorParameters
{
    public static void AtLeast(int value, int minimum, string parameter, string indicator)
    {
        if (value < minimum)
        {
            throw new ArgumentOutOfRangeException(parameter, value,
                string.Create(CultureInfo.InvariantCulture, $"{indicator} {parameter} must be at least {minimum}, was {value}."));
        }
    }

    public static void Greater(int value, int other, string parameter, string otherParameter, string indicator)
    {
        if (value <= other)
        {
            throw new ArgumentOutOfRangeException(parameter, value,
                string.Create(CultureInfo.InvariantCulture, $"{indicator} {parameter} must be greater than {otherParameter} ({other}), was {value}."));
        }
    }

    public static void Positive(double value, string parameter, string indicator)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(parameter, value,
                string.Create(CultureInfo.InvariantCulture, $"{indicator} {parameter} must be a finite number greater than 0, was {value:R}."));
        }
    }
}
