using System.Data.Common;
using System.Globalization;

namespace TripleGain.Silo.Storage;

/// <summary>
/// Keeps the market clock's anchor in the storage database (table <c>triplegain_market_clock</c>, one row per service
/// id; created here, same SQL on SQLite and PostgreSQL), so an accelerated market clock continues after a restart
/// instead of starting again from the real time (which lies before the market time reached), and all silos of a
/// cluster read the same market time. The first silo of a service writes the anchor; the others read it. Another
/// speed than the stored one moves the anchor to now at the market time reached, so the clock never goes back.
/// </summary>
public static class MarketClockStore
{
    public const string TableName = "triplegain_market_clock";

    // Serialises silos that start at the same time on PostgreSQL (the same idea as the Orleans schema lock).
    private const long PostgreSqlLockKey = 0x7472_6970_6c65_6702;

    private const string CreateTable = $"""
        CREATE TABLE IF NOT EXISTS {TableName} (
            service_id VARCHAR(150) NOT NULL PRIMARY KEY,
            real_anchor_ticks BIGINT NOT NULL,
            market_anchor_ticks BIGINT NOT NULL,
            speed DOUBLE PRECISION NOT NULL
        );
        """;

    /// <summary>
    /// Returns the service's anchor: the stored one (moved to <paramref name="realNow"/> when <paramref name="speed"/>
    /// differs from the stored speed), or a new one starting the market at <paramref name="realNow"/>.
    /// </summary>
    public static Task<MarketClockAnchor> LoadOrCreateAsync(
        StorageSettings storage, string serviceId, double speed, DateTimeOffset realNow, CancellationToken cancellationToken) =>
        LoadOrCreateAsync(storage, serviceId, speed, realNow, null, cancellationToken);

    /// <summary>
    /// Returns the service's anchor: the stored one (moved to <paramref name="realNow"/> when <paramref name="speed"/>
    /// differs from the stored speed), or a new one starting the market at <paramref name="marketStart"/> (or at
    /// <paramref name="realNow"/> when null). A stored anchor wins over <paramref name="marketStart"/>: market time
    /// continues, it never jumps.
    /// </summary>
    public static async Task<MarketClockAnchor> LoadOrCreateAsync(
        StorageSettings storage, string serviceId, double speed, DateTimeOffset realNow, DateTimeOffset? marketStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        if (!double.IsFinite(speed) || speed < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The market clock speed must be a finite number of at least 1.");
        }

        await using var connection = storage.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (storage.Provider == StorageProvider.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({PostgreSqlLockKey});", [], cancellationToken);
        }

        await ExecuteAsync(connection, transaction, CreateTable, [], cancellationToken);
        var stored = await ReadAsync(connection, transaction, serviceId, cancellationToken);
        MarketClockAnchor anchor;
        if (stored is null)
        {
            anchor = MarketClockAnchor.Start(realNow, speed, marketStart);
            await ExecuteAsync(connection, transaction,
                $"INSERT INTO {TableName} (service_id, real_anchor_ticks, market_anchor_ticks, speed) VALUES (@service, @real, @market, @speed);",
                Parameters(serviceId, anchor), cancellationToken);
        }
        else if (stored.Speed.Equals(speed))
        {
            anchor = stored;
        }
        else
        {
            anchor = stored.WithSpeed(speed, realNow);
            await ExecuteAsync(connection, transaction,
                $"UPDATE {TableName} SET real_anchor_ticks = @real, market_anchor_ticks = @market, speed = @speed WHERE service_id = @service;",
                Parameters(serviceId, anchor), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return anchor;
    }

    /// <summary>The stored anchor of a service, or null.</summary>
    public static async Task<MarketClockAnchor?> ReadAsync(StorageSettings storage, string serviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(storage);
        await using var connection = storage.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, null, CreateTable, [], cancellationToken);
        return await ReadAsync(connection, null, serviceId, cancellationToken);
    }

    private static async Task<MarketClockAnchor?> ReadAsync(DbConnection connection, DbTransaction? transaction, string serviceId, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT real_anchor_ticks, market_anchor_ticks, speed FROM {TableName} WHERE service_id = @service;";
        AddParameter(command, "service", serviceId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var real = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        var market = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        var speed = Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture);
        return new MarketClockAnchor(new DateTimeOffset(real, TimeSpan.Zero), new DateTimeOffset(market, TimeSpan.Zero), speed);
    }

    private static (string Name, object Value)[] Parameters(string serviceId, MarketClockAnchor anchor) =>
    [
        ("service", serviceId),
        ("real", anchor.Real.UtcTicks),
        ("market", anchor.Market.UtcTicks),
        ("speed", anchor.Speed),
    ];

    private static async Task ExecuteAsync(
        DbConnection connection, DbTransaction? transaction, string sql, (string Name, object Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // constant SQL text; values are parameters
        command.CommandText = sql;
#pragma warning restore CA2100
        foreach (var (name, value) in parameters)
        {
            AddParameter(command, name, value);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
