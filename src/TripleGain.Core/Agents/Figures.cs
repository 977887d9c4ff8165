using System.Globalization;

namespace TripleGain.Core.Agents;

/// <summary>How the agents write numbers into reasons: invariant culture, USDT amounts with two decimals,
/// volumes and prices without trailing zeros, percentages with up to four decimals.</summary>
internal static class Figures
{
    public static string Usd(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Amount(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    public static string Pct(decimal value) => decimal.Round(value, 4, MidpointRounding.AwayFromZero).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Confidence(double value) => value.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
