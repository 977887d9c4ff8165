using System.Data;
using Dapper;
using TripleGain.Core.Market;

namespace TripleGain.Journal.Sql;

/// <summary>Builds a command's parameters with explicit types, in the form the dialect stores them.</summary>
internal sealed class SqlParameters(JournalDialect dialect)
{
    public DynamicParameters Values { get; } = new();

    public SqlParameters Text(string name, string? value)
    {
        Values.Add(name, value, DbType.String);
        return this;
    }

    public SqlParameters Long(string name, long? value)
    {
        Values.Add(name, value, DbType.Int64);
        return this;
    }

    public SqlParameters Double(string name, double? value)
    {
        Values.Add(name, value, DbType.Double);
        return this;
    }

    public SqlParameters Decimal(string name, decimal? value)
    {
        dialect.AddDecimal(Values, name, value);
        return this;
    }

    /// <summary>A UTC timestamp, stored to the microsecond.</summary>
    public SqlParameters Timestamp(string name, DateTime? value)
    {
        if (value is { Kind: not DateTimeKind.Utc })
        {
            throw new ArgumentException($"Timestamp parameter '{name}' must be UTC; got Kind={value.Value.Kind}.", nameof(value));
        }

        dialect.AddTimestamp(Values, name, value is { } time ? JournalValues.TruncateToMicroseconds(time) : null);
        return this;
    }

    public SqlParameters Day(string name, DateOnly? value)
    {
        dialect.AddDay(Values, name, value);
        return this;
    }

    public SqlParameters Enum<TEnum>(string name, TEnum value)
        where TEnum : struct, System.Enum => Text(name, JournalValues.Text(value));

    public SqlParameters Enum<TEnum>(string name, TEnum? value)
        where TEnum : struct, System.Enum => Text(name, value is { } v ? JournalValues.Text(v) : null);

    public SqlParameters Pair(string name, Pair value) => Text(name, value.Symbol);
}
