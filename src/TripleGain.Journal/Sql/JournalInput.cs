using System.Globalization;
using System.Text.Json;
using TripleGain.Core.Market;

namespace TripleGain.Journal.Sql;

/// <summary>Checks of what callers hand to the journal; each failure names the field, the value and the rule.</summary>
internal static class JournalInput
{
    public static void Text(string? value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException($"{name} must not be empty (got {Show(value)}).", name);
        }
    }

    public static void Utc(DateTime value, string name)
    {
        if (value.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException(
                $"{name} must be UTC (DateTimeKind.Utc); got {value.ToString("O", CultureInfo.InvariantCulture)} with Kind={value.Kind}.", name);
        }
    }

    public static void Utc(DateTime? value, string name)
    {
        if (value is { } time)
        {
            Utc(time, name);
        }
    }

    public static void Positive(decimal value, string name)
    {
        if (value <= 0m)
        {
            throw new ArgumentException($"{name} must be greater than 0 (got {Show(value)}).", name);
        }
    }

    public static void Positive(decimal? value, string name)
    {
        if (value is { } v)
        {
            Positive(v, name);
        }
    }

    public static void NotNegative(decimal value, string name)
    {
        if (value < 0m)
        {
            throw new ArgumentException($"{name} must not be negative (got {Show(value)}).", name);
        }
    }

    public static void NotNegative(long value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentException($"{name} must not be negative (got {value.ToString(CultureInfo.InvariantCulture)}).", name);
        }
    }

    public static void NotNegative(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0d)
        {
            throw new ArgumentException($"{name} must be a finite number, not negative (got {value.ToString(CultureInfo.InvariantCulture)}).", name);
        }
    }

    public static void Finite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{name} must be a finite number (got {value.ToString(CultureInfo.InvariantCulture)}).", name);
        }
    }

    public static void Between(decimal? value, decimal min, decimal max, string name)
    {
        if (value is { } v && (v < min || v > max))
        {
            throw new ArgumentException($"{name} must be between {Show(min)} and {Show(max)} (got {Show(v)}).", name);
        }
    }

    public static void Between(double? value, double min, double max, string name)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            throw new ArgumentException(
                $"{name} must be between {min.ToString(CultureInfo.InvariantCulture)} and {max.ToString(CultureInfo.InvariantCulture)} (got {v.ToString(CultureInfo.InvariantCulture)}).", name);
        }
    }

    public static void Between(long value, long min, long max, string name)
    {
        if (value < min || value > max)
        {
            throw new ArgumentException($"{name} must be between {min} and {max} (got {value}).", name);
        }
    }

    public static void Defined<TEnum>(TEnum value, string name)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentException(
                $"{name} must be one of {string.Join(", ", Enum.GetNames<TEnum>())} (got {value}).", name);
        }
    }

    public static void Defined<TEnum>(TEnum? value, string name)
        where TEnum : struct, Enum
    {
        if (value is { } v)
        {
            Defined(v, name);
        }
    }

    public static void Known(Pair pair, string name)
    {
        if (!Pair.All.Contains(pair))
        {
            throw new ArgumentException($"{name} must be one of {string.Join(", ", Pair.All)} (got {pair}).", name);
        }
    }

    public static void Json(string? value, string name)
    {
        if (value is null)
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(value);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"{name} must be valid JSON ({exception.Message}); got {Show(value)}.", name, exception);
        }
    }

    private static string Show(string? value) =>
        value is null ? "null" : value.Length > 80 ? $"'{value[..80]}...'" : $"'{value}'";

    private static string Show(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
