using TripleGain.Core.Market;

namespace TripleGain.Journal.Sql;

/// <summary>One row as Dapper returns it (column name -> value), read with the journal's conversions.</summary>
internal readonly struct JournalRow(IDictionary<string, object?> values)
{
    public static JournalRow Of(object row) => new((IDictionary<string, object?>)row);

    public object? Raw(string column) =>
        values.TryGetValue(column, out var value)
            ? value is DBNull ? null : value
            : throw new InvalidOperationException($"The journal query returned no column '{column}'.");

    public string Text(string column) => NullableText(column) ?? throw Null(column);

    public string? NullableText(string column) => Raw(column) switch
    {
        null => null,
        string s => s,
        var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public long Long(string column) => NullableLong(column) ?? throw Null(column);

    public long? NullableLong(string column) => Raw(column) is { } value ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public int Int(string column) => checked((int)Long(column));

    public double Double(string column) => NullableDouble(column) ?? throw Null(column);

    public double? NullableDouble(string column) => Raw(column) is { } value ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    public decimal Decimal(string column) => NullableDecimal(column) ?? throw Null(column);

    public decimal? NullableDecimal(string column) => Raw(column) is { } value ? JournalValues.ToDecimal(value, column) : null;

    public DateTime Timestamp(string column) => NullableTimestamp(column) ?? throw Null(column);

    public DateTime? NullableTimestamp(string column) => Raw(column) is { } value ? JournalValues.ToTimestamp(value, column) : null;

    public DateOnly Day(string column) => Raw(column) is { } value ? JournalValues.ToDay(value, column) : throw Null(column);

    public TEnum Enum<TEnum>(string column)
        where TEnum : struct, System.Enum => JournalValues.ParseEnum<TEnum>(Text(column), column);

    public TEnum? NullableEnum<TEnum>(string column)
        where TEnum : struct, System.Enum => NullableText(column) is { } text ? JournalValues.ParseEnum<TEnum>(text, column) : null;

    public Pair Pair(string column) => JournalValues.ParsePair(Text(column), column);

    public Asset Asset(string column) => JournalValues.ParseAsset(Text(column), column);

    private static InvalidOperationException Null(string column) =>
        new($"Journal column '{column}' is NULL where a value is required.");
}
