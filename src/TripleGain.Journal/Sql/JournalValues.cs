using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using TripleGain.Core.Market;

namespace TripleGain.Journal.Sql;

/// <summary>
/// How values look in the journal's columns: enumerations as lower-case snake_case text ("partially_filled"),
/// assets by name ("USDT"), pairs by symbol ("BTC/USDT"), SQLite timestamps as "yyyy-MM-ddTHH:mm:ss.ffffffZ".
/// Reading accepts what either provider returns (decimal or text, DateTime or text).
/// </summary>
internal static class JournalValues
{
    public const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";
    public const string DayFormat = "yyyy-MM-dd";

    private static readonly ConcurrentDictionary<Type, (IReadOnlyDictionary<Enum, string> ToText, IReadOnlyDictionary<string, Enum> FromText)> EnumTexts = new();

    /// <summary>Truncates to whole microseconds, the precision both databases keep.</summary>
    public static DateTime TruncateToMicroseconds(DateTime value) =>
        new(value.Ticks - (value.Ticks % 10), DateTimeKind.Utc);

    public static string FormatTimestamp(DateTime value) => value.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    /// <summary>The lower-case hex SHA-256 of a text's UTF-8 bytes (migration checksums, prompt keys).</summary>
    public static string Sha256Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public static string Text<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Texts(typeof(TEnum)).ToText.TryGetValue(value, out var text)
            ? text
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"{typeof(TEnum).Name} has no value {value}.");

    public static TEnum ParseEnum<TEnum>(string text, string column)
        where TEnum : struct, Enum =>
        Texts(typeof(TEnum)).FromText.TryGetValue(text, out var value)
            ? (TEnum)value
            : throw new InvalidOperationException(
                $"Journal column '{column}' holds '{text}', which is not a {typeof(TEnum).Name} " +
                $"({string.Join(", ", Texts(typeof(TEnum)).ToText.Values)}).");

    public static string AssetText(Asset asset) =>
        Enum.IsDefined(asset) ? asset.ToString() : throw new ArgumentOutOfRangeException(nameof(asset), asset, "Unknown asset.");

    public static Asset ParseAsset(string text, string column) =>
        Enum.TryParse<Asset>(text, ignoreCase: false, out var asset) && Enum.IsDefined(asset) && !char.IsDigit(text[0])
            ? asset
            : throw new InvalidOperationException($"Journal column '{column}' holds '{text}', which is not an asset ({string.Join(", ", Enum.GetNames<Asset>())}).");

    public static Pair ParsePair(string text, string column) =>
        Pair.TryParse(text, out var pair)
            ? pair
            : throw new InvalidOperationException($"Journal column '{column}' holds '{text}', which is not a known pair.");

    public static decimal ToDecimal(object value, string column) => value switch
    {
        decimal d => d,
        string s when decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) => d,
        long l => l,
        int i => i,
        _ => throw new InvalidOperationException($"Journal column '{column}' holds '{value}' ({value.GetType().Name}), which is not an exact decimal."),
    };

    public static DateTime ToTimestamp(object value, string column) => value switch
    {
        DateTime { Kind: DateTimeKind.Utc } utc => utc,
        DateTime { Kind: DateTimeKind.Unspecified } unspecified => DateTime.SpecifyKind(unspecified, DateTimeKind.Utc),
        DateTimeOffset offset => offset.UtcDateTime,
        string s when DateTime.TryParseExact(s, TimestampFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed) => DateTime.SpecifyKind(parsed, DateTimeKind.Utc),
        _ => throw new InvalidOperationException($"Journal column '{column}' holds '{value}', which is not a UTC timestamp ({TimestampFormat})."),
    };

    public static DateOnly ToDay(object value, string column) => value switch
    {
        DateOnly day => day,
        DateTime time => DateOnly.FromDateTime(time),
        string s when DateOnly.TryParseExact(s, DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) => day,
        _ => throw new InvalidOperationException($"Journal column '{column}' holds '{value}', which is not a day ({DayFormat})."),
    };

    private static (IReadOnlyDictionary<Enum, string> ToText, IReadOnlyDictionary<string, Enum> FromText) Texts(Type type) =>
        EnumTexts.GetOrAdd(type, static t =>
        {
            var toText = new Dictionary<Enum, string>();
            var fromText = new Dictionary<string, Enum>(StringComparer.Ordinal);
            foreach (var value in Enum.GetValues(t).Cast<Enum>())
            {
                var text = SnakeCase(value.ToString());
                toText[value] = text;
                fromText[text] = value;
            }

            return (toText, fromText);
        });

    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString();
    }
}
