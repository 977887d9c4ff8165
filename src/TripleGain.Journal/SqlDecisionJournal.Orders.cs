using System.Data.Common;
using TripleGain.Core.Exchange;
using TripleGain.Journal.Sql;

namespace TripleGain.Journal;

public sealed partial class SqlDecisionJournal
{
    private const string OrderColumns =
        "client_order_id, decision_id, account_id, pair, side, order_type, volume, price, leverage, status, " +
        "exchange_order_id, created_at, updated_at";

    private const string FillColumns = "exchange_fill_id, client_order_id, price, volume, fee, fee_asset, liquidity, filled_at";

    private static readonly OrderRecordStatus[] FinalOrderStatuses =
        [OrderRecordStatus.Filled, OrderRecordStatus.Cancelled, OrderRecordStatus.Rejected, OrderRecordStatus.Expired];

    public Task<Recorded<OrderRecord>> RecordOrderAsync(OrderRecord order, CancellationToken cancellationToken = default)
    {
        Validate(order);
        return WriteAsync(async (connection, transaction) =>
        {
            if (order.DecisionId is { } decisionId
                && !await ExistsAsync(connection, "decisions", "id", decisionId, transaction, cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException(
                    $"Order '{order.ClientOrderId}' refers to decision {decisionId}, which is not in the journal.");
            }

            var parameters = Parameters()
                .Text("client_order_id", order.ClientOrderId)
                .Long("decision_id", order.DecisionId)
                .Text("account_id", order.AccountId)
                .Pair("pair", order.Pair)
                .Enum("side", order.Side)
                .Enum("order_type", order.Type)
                .Decimal("volume", order.Volume)
                .Decimal("price", order.Price)
                .Decimal("leverage", order.Leverage)
                .Enum("status", order.Status)
                .Text("exchange_order_id", order.ExchangeOrderId)
                .Timestamp("created_at", order.CreatedAt)
                .Timestamp("updated_at", order.UpdatedAt);
            var id = await ScalarAsync<long?>(connection, $"""
                    INSERT INTO orders ({OrderColumns})
                    VALUES (@client_order_id, @decision_id, @account_id, @pair, @side, @order_type, @volume, @price, @leverage,
                            @status, @exchange_order_id, @created_at, @updated_at)
                    ON CONFLICT (client_order_id) DO NOTHING
                    RETURNING id;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            var stored = await ReadOrderAsync(connection, order.ClientOrderId, transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order '{order.ClientOrderId}' vanished while being recorded.");
            return new Recorded<OrderRecord>(stored, AlreadyExisted: id is null);
        }, cancellationToken);
    }

    public Task<OrderRecord?> GetOrderAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(clientOrderId, nameof(clientOrderId));
        return ReadAsync(connection => ReadOrderAsync(connection, clientOrderId, null, cancellationToken), cancellationToken);
    }

    public Task<OrderRecord> UpdateOrderStatusAsync(
        string clientOrderId, OrderRecordStatus status, string? exchangeOrderId, DateTime updatedAt, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(clientOrderId, nameof(clientOrderId));
        JournalInput.Defined(status, nameof(status));
        if (exchangeOrderId is not null)
        {
            JournalInput.Text(exchangeOrderId, nameof(exchangeOrderId));
        }

        JournalInput.Utc(updatedAt, nameof(updatedAt));
        return WriteAsync(async (connection, transaction) =>
        {
            var parameters = Parameters()
                .Text("client_order_id", clientOrderId)
                .Enum("status", status)
                .Text("exchange_order_id", exchangeOrderId)
                .Timestamp("updated_at", updatedAt)
                .Enum("filled", OrderRecordStatus.Filled)
                .Enum("cancelled", OrderRecordStatus.Cancelled)
                .Enum("rejected", OrderRecordStatus.Rejected)
                .Enum("expired", OrderRecordStatus.Expired);
            var updated = await ExecuteAsync(connection, """
                    UPDATE orders
                    SET status = @status, exchange_order_id = COALESCE(@exchange_order_id, exchange_order_id), updated_at = @updated_at
                    WHERE client_order_id = @client_order_id
                      AND status NOT IN (@filled, @cancelled, @rejected, @expired);
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            var stored = await ReadOrderAsync(connection, clientOrderId, transaction, cancellationToken).ConfigureAwait(false)
                ?? throw new KeyNotFoundException($"Order '{clientOrderId}' is not in the journal; its status cannot be updated.");
            if (updated == 0 && stored.Status != status)
            {
                throw new JournalConflictException(
                    $"Order '{clientOrderId}' is {stored.Status}, which is final; it cannot become {status}.");
            }

            return stored;
        }, cancellationToken);
    }

    public Task<bool> RecordFillAsync(FillRecord fill, CancellationToken cancellationToken = default)
    {
        Validate(fill);
        return WriteAsync(async (connection, transaction) =>
        {
            if (!await ExistsAsync(connection, "orders", "client_order_id", fill.ClientOrderId, transaction, cancellationToken).ConfigureAwait(false))
            {
                throw new KeyNotFoundException(
                    $"Fill '{fill.ExchangeFillId}' refers to order '{fill.ClientOrderId}', which is not in the journal: record the order first.");
            }

            var parameters = Parameters()
                .Text("exchange_fill_id", fill.ExchangeFillId)
                .Text("client_order_id", fill.ClientOrderId)
                .Decimal("price", fill.Price)
                .Decimal("volume", fill.Volume)
                .Decimal("fee", fill.Fee)
                .Text("fee_asset", JournalValues.AssetText(fill.FeeAsset))
                .Enum("liquidity", fill.Liquidity)
                .Timestamp("filled_at", fill.FilledAt);
            var id = await ScalarAsync<long?>(connection, $"""
                    INSERT INTO fills ({FillColumns})
                    VALUES (@exchange_fill_id, @client_order_id, @price, @volume, @fee, @fee_asset, @liquidity, @filled_at)
                    ON CONFLICT (exchange_fill_id) DO NOTHING
                    RETURNING id;
                    """, parameters, transaction, cancellationToken).ConfigureAwait(false);
            if (id is not null)
            {
                return true;
            }

            var row = await QuerySingleAsync(connection, $"SELECT {FillColumns} FROM fills WHERE exchange_fill_id = @exchange_fill_id;",
                Parameters().Text("exchange_fill_id", fill.ExchangeFillId), transaction, cancellationToken).ConfigureAwait(false);
            var stored = ReadFill(row ?? throw new InvalidOperationException($"Fill '{fill.ExchangeFillId}' vanished while being recorded."));
            var expected = fill with { FilledAt = JournalValues.TruncateToMicroseconds(fill.FilledAt) };
            return stored == expected
                ? false
                : throw new JournalConflictException(
                    $"Fill '{fill.ExchangeFillId}' is journaled already with other values: journaled {stored}, now {fill}.");
        }, cancellationToken);
    }

    public Task<IReadOnlyList<FillRecord>> FillsAsync(string clientOrderId, CancellationToken cancellationToken = default)
    {
        JournalInput.Text(clientOrderId, nameof(clientOrderId));
        return ReadAsync(async connection =>
        {
            var rows = await QueryAsync(connection,
                    $"SELECT {FillColumns} FROM fills WHERE client_order_id = @client_order_id ORDER BY filled_at, id;",
                    Parameters().Text("client_order_id", clientOrderId), null, cancellationToken)
                .ConfigureAwait(false);
            return (IReadOnlyList<FillRecord>)[.. rows.Select(ReadFill)];
        }, cancellationToken);
    }

    private async Task<OrderRecord?> ReadOrderAsync(
        DbConnection connection, string clientOrderId, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        var row = await QuerySingleAsync(connection, $"SELECT {OrderColumns} FROM orders WHERE client_order_id = @client_order_id;",
            Parameters().Text("client_order_id", clientOrderId), transaction, cancellationToken).ConfigureAwait(false);
        return row is { } r ? ReadOrder(r) : null;
    }

    private static OrderRecord ReadOrder(JournalRow row) => new(
        row.Text("client_order_id"),
        row.NullableLong("decision_id"),
        row.Text("account_id"),
        row.Pair("pair"),
        row.Enum<OrderSide>("side"),
        row.Enum<OrderType>("order_type"),
        row.Decimal("volume"),
        row.NullableDecimal("price"),
        row.Decimal("leverage"),
        row.Enum<OrderRecordStatus>("status"),
        row.NullableText("exchange_order_id"),
        row.Timestamp("created_at"),
        row.Timestamp("updated_at"));

    private static FillRecord ReadFill(JournalRow row) => new(
        row.Text("exchange_fill_id"),
        row.Text("client_order_id"),
        row.Decimal("price"),
        row.Decimal("volume"),
        row.Decimal("fee"),
        row.Asset("fee_asset"),
        row.Enum<FillLiquidity>("liquidity"),
        row.Timestamp("filled_at"));

    private static void Validate(OrderRecord order)
    {
        ArgumentNullException.ThrowIfNull(order);
        JournalInput.Text(order.ClientOrderId, "OrderRecord.ClientOrderId");
        JournalInput.Text(order.AccountId, "OrderRecord.AccountId");
        JournalInput.Known(order.Pair, "OrderRecord.Pair");
        JournalInput.Defined(order.Side, "OrderRecord.Side");
        JournalInput.Defined(order.Type, "OrderRecord.Type");
        JournalInput.Positive(order.Volume, "OrderRecord.Volume");
        JournalInput.Positive(order.Price, "OrderRecord.Price");
        if (order.Type != OrderType.Market && order.Price is null)
        {
            throw new ArgumentException(
                $"OrderRecord.Price is required for {order.Type} orders (order '{order.ClientOrderId}').", nameof(order));
        }

        if (order.Leverage < 1m)
        {
            throw new ArgumentException($"OrderRecord.Leverage must be at least 1 (got {order.Leverage}).", nameof(order));
        }

        JournalInput.Defined(order.Status, "OrderRecord.Status");
        if (order.ExchangeOrderId is not null)
        {
            JournalInput.Text(order.ExchangeOrderId, "OrderRecord.ExchangeOrderId");
        }

        JournalInput.Utc(order.CreatedAt, "OrderRecord.CreatedAt");
        JournalInput.Utc(order.UpdatedAt, "OrderRecord.UpdatedAt");
        if (order.UpdatedAt < order.CreatedAt)
        {
            throw new ArgumentException(
                $"OrderRecord.UpdatedAt ({order.UpdatedAt:O}) must not be before CreatedAt ({order.CreatedAt:O}).", nameof(order));
        }
    }

    private static void Validate(FillRecord fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        JournalInput.Text(fill.ExchangeFillId, "FillRecord.ExchangeFillId");
        JournalInput.Text(fill.ClientOrderId, "FillRecord.ClientOrderId");
        JournalInput.Positive(fill.Price, "FillRecord.Price");
        JournalInput.Positive(fill.Volume, "FillRecord.Volume");
        JournalInput.NotNegative(fill.Fee, "FillRecord.Fee");
        JournalInput.Defined(fill.FeeAsset, "FillRecord.FeeAsset");
        JournalInput.Defined(fill.Liquidity, "FillRecord.Liquidity");
        JournalInput.Utc(fill.FilledAt, "FillRecord.FilledAt");
    }
}
