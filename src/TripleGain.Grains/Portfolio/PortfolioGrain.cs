using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Core.Backtesting;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Grains.Portfolio;

/// <inheritdoc cref="IPortfolioGrain"/>
/// <remarks>
/// Crash safety: the grain state is the commit point and the journal follows it through an outbox (see
/// <see cref="PortfolioState"/>). Executing a cycle: each order is journalled (pending) before it is placed; the
/// exchange state, the executed cycle id and the orders' pending journal statuses are written in one grain-state write;
/// then the journal gets the statuses. Syncing: the fills and the due equity snapshot are written with the exchange
/// state, then journalled. A crash before the state write loses the placement with the rest of the in-memory state, so
/// the retried cycle places it again (the paper exchange's state is authoritative); a crash after it finds the cycle
/// executed and places nothing, and the next call journals whatever the outbox still holds (journal writes are
/// idempotent), so no fill, status or snapshot is lost and none is journalled twice.
/// </remarks>
[GrainType("portfolio")]
public sealed class PortfolioGrain(
    [PersistentState("portfolio", StorageNames.Grains)] IPersistentState<PortfolioState> state,
    IMarketFeed feed,
    TradingConfig config,
    IDecisionJournal journal,
    ILogger<PortfolioGrain> logger) : Grain, IPortfolioGrain
{
    /// <summary>How many executed cycle ids are remembered (a retry comes within minutes).</summary>
    public const int ExecutedCycleMemory = 500;

    private PaperExchange? _exchange;

    private string AccountId => this.GetPrimaryKeyString();

    private PairCatalog Catalog { get; } = PairCatalog.Kraken.WithFees(config.MakerFee, config.TakerFee);

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var settings = new PaperExchangeSettings(config.SlippageBps);
        if (state.State.Exchange is { } saved)
        {
            _exchange = PaperExchange.FromState(saved, Catalog, settings);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<PortfolioSnapshot> SyncAsync(DateTime nowUtc)
    {
        var exchange = await EnsureAccountAsync(nowUtc);
        await FlushJournalAsync(exchange);
        var lastCandle = new Dictionary<Pair, DateTime>(state.State.LastCandle);
        var bars = new List<MarketBar>();
        foreach (var pair in config.Pairs)
        {
            var from = lastCandle.TryGetValue(pair, out var last) ? last.AddMinutes(1) : Timeframe.M1.Floor(nowUtc).AddMinutes(-1);
            foreach (var candle in await feed.GetCandlesAsync(pair, from, nowUtc))
            {
                bars.Add(new MarketBar(pair, candle));
            }
        }

        var fills = new List<Fill>();
        foreach (var bar in bars.OrderBy(b => b.Candle.Timestamp))
        {
            fills.AddRange(exchange.OnCandle(bar.Pair, bar.Candle));
            lastCandle[bar.Pair] = bar.Candle.Timestamp;
        }

        var snapshot = exchange.Snapshot(nowUtc);
        var snapshotDue = state.State.LastEquitySnapshotAt is not { } lastSnap || nowUtc - lastSnap >= config.Monitoring.EquitySnapshotInterval;
        if (bars.Count > 0 || snapshotDue)
        {
            state.State = state.State with
            {
                Exchange = exchange.ToState(),
                LastCandle = lastCandle,
                Fills = fills.Count == 0 ? state.State.Fills : [.. state.State.Fills, .. fills],
                LastEquitySnapshotAt = snapshotDue ? nowUtc : state.State.LastEquitySnapshotAt,
                UnjournalledSnapshot = snapshotDue ? snapshot : state.State.UnjournalledSnapshot,
            };
            await state.WriteStateAsync();
        }

        await FlushJournalAsync(exchange);
        return snapshot;
    }

    public async Task<ExecutionReport> ExecuteAsync(string cycleId, IReadOnlyList<OrderRequest> orders, DateTime nowUtc, IReadOnlyDictionary<string, long>? decisionIds = null)
    {
        ArgumentNullException.ThrowIfNull(orders);
        var exchange = await EnsureAccountAsync(nowUtc);
        await FlushJournalAsync(exchange);
        if (state.State.ExecutedCycles.Contains(cycleId))
        {
            return new ExecutionReport(cycleId, true, [], exchange.Snapshot(nowUtc));
        }

        foreach (var order in orders)
        {
            long? decisionId = decisionIds is not null && decisionIds.TryGetValue(order.ClientOrderId, out var id) ? id : null;
            await journal.RecordOrderAsync(OrderRecord.FromRequest(order, AccountId, decisionId, nowUtc));
        }

        var results = orders.Select(order => exchange.PlaceOrder(order, nowUtc)).ToList();
        var executed = state.State.ExecutedCycles.Count >= ExecutedCycleMemory
            ? state.State.ExecutedCycles.Skip(state.State.ExecutedCycles.Count - ExecutedCycleMemory + 1)
            : state.State.ExecutedCycles;
        state.State = state.State with
        {
            Exchange = exchange.ToState(),
            ExecutedCycles = [.. executed, cycleId],
            UnjournalledOrders = [.. state.State.UnjournalledOrders, .. orders.Select((order, i) => new PendingOrderStatus(order.ClientOrderId, results[i].Order?.OrderId, nowUtc))],
        };
        await state.WriteStateAsync();

        for (var i = 0; i < orders.Count; i++)
        {
            if (!results[i].IsAccepted)
            {
                logger.LogInformation("{Account}: order {Order} rejected: {Error}", AccountId, orders[i].ClientOrderId, results[i].Error);
            }
        }

        await FlushJournalAsync(exchange);
        return new ExecutionReport(cycleId, false, results, exchange.Snapshot(nowUtc));
    }

    public Task<PortfolioSnapshot> SnapshotAsync(DateTime nowUtc) => SyncAsync(nowUtc);

    public Task<IReadOnlyList<ClosedTrade>> ClosedTradesAsync()
    {
        if (state.State.CreatedAt is not { } openedAt)
        {
            return Task.FromResult<IReadOnlyList<ClosedTrade>>([]);
        }

        var book = new TradeBook(NewAccount(openedAt));
        foreach (var fill in state.State.Fills)
        {
            book.Record(fill);
        }

        return Task.FromResult(book.Closed);
    }

    public async Task<PerformanceReport?> PerformanceAsync(DateTime nowUtc)
    {
        var snapshot = await SyncAsync(nowUtc);
        var curve = (await journal.EquityCurveAsync(AccountId))
            .Select(p => new EquityPoint(p.TakenAt, p.Equity))
            .Append(new EquityPoint(nowUtc, snapshot.EquityUsd))
            .DistinctBy(p => p.Timestamp)
            .OrderBy(p => p.Timestamp)
            .ToList();
        return curve.Count < 2 ? null : PerformanceReport.Compute(curve, await ClosedTradesAsync());
    }

    public Task<IReadOnlyList<Order>> OpenOrdersAsync() => Task.FromResult(_exchange?.OpenOrders ?? (IReadOnlyList<Order>)[]);

    public async Task<int> CancelAllAsync(DateTime nowUtc, string reason)
    {
        if (_exchange is null)
        {
            return 0;
        }

        var cancelled = new List<PendingOrderStatus>();
        foreach (var order in _exchange.OpenOrders)
        {
            if (_exchange.Cancel(order.OrderId, nowUtc).IsAccepted)
            {
                cancelled.Add(new PendingOrderStatus(order.Request.ClientOrderId, order.OrderId, nowUtc));
            }
        }

        if (cancelled.Count > 0)
        {
            state.State = state.State with { Exchange = _exchange.ToState(), UnjournalledOrders = [.. state.State.UnjournalledOrders, .. cancelled] };
            await state.WriteStateAsync();
            logger.LogWarning("{Account}: cancelled {Count} open orders: {Reason}", AccountId, cancelled.Count, reason);
        }

        await FlushJournalAsync(_exchange);
        return cancelled.Count;
    }

    private async Task<PaperExchange> EnsureAccountAsync(DateTime nowUtc)
    {
        if (_exchange is not null)
        {
            return _exchange;
        }

        _exchange = new PaperExchange(NewAccount(nowUtc), Catalog, new PaperExchangeSettings(config.SlippageBps));
        state.State = state.State with { Exchange = _exchange.ToState(), CreatedAt = nowUtc };
        await state.WriteStateAsync();
        logger.LogInformation("{Account}: paper account opened with {Capital}", AccountId,
            string.Join(", ", config.StartingCapital.Select(c => $"{c.Value} {c.Key}")));
        return _exchange;
    }

    /// <summary>A fresh account with the configured starting capital (also the shadow account round trips replay on).</summary>
    private Account NewAccount(DateTime openedAt) =>
        new(AccountId, config.StartingCapital, openedAt, config.Constraints.MaxLeverage < 1 ? 1 : decimal.Ceiling(config.Constraints.MaxLeverage));

    /// <summary>
    /// Journals what the outbox of the persisted state holds (fills, order statuses, the equity snapshot), in that order,
    /// then empties the outbox in memory: the next state write persists the empty outbox, and a crash before it only
    /// makes the next activation journal the same entries again, which the journal ignores.
    /// </summary>
    private async Task FlushJournalAsync(PaperExchange exchange)
    {
        var current = state.State;
        if (!current.HasUnjournalled)
        {
            return;
        }

        for (var i = Math.Max(0, current.JournalledFills); i < current.Fills.Count; i++)
        {
            await JournalFillAsync(exchange, current.Fills[i]);
        }

        foreach (var pending in current.UnjournalledOrders)
        {
            var order = pending.OrderId is null ? null : exchange.FindOrder(pending.OrderId);
            var status = order is null ? OrderRecordStatus.Rejected : Status(order);
            await UpdateJournalStatusAsync(pending.ClientOrderId, status, pending.OrderId, pending.At);
        }

        if (current.UnjournalledSnapshot is { } snapshot)
        {
            await journal.RecordEquitySnapshotAsync(new EquitySnapshotRecord(
                AccountId, snapshot.Timestamp, snapshot.EquityUsd, snapshot.Balances, snapshot.DrawdownPct / 100m));
        }

        state.State = state.State with { JournalledFills = current.Fills.Count, UnjournalledOrders = [], UnjournalledSnapshot = null };
    }

    private async Task JournalFillAsync(PaperExchange exchange, Fill fill)
    {
        var order = exchange.FindOrder(fill.OrderId);
        if (order is not null)
        {
            var record = OrderRecord.FromRequest(order.Request, AccountId, null, order.PlacedAt) with { Price = order.Request.Price ?? order.EstimatedPrice };
            await journal.RecordOrderAsync(record);
            await UpdateJournalStatusAsync(fill.ClientOrderId, Status(order), order.OrderId, fill.Timestamp);
        }

        await journal.RecordFillAsync(new FillRecord(
            $"{AccountId}:{fill.TradeId}",
            fill.ClientOrderId,
            fill.Price,
            fill.Volume,
            fill.Fee,
            fill.FeeAsset,
            fill.Liquidity == Liquidity.Maker ? FillLiquidity.Maker : FillLiquidity.Taker,
            fill.Timestamp));
    }

    private async Task UpdateJournalStatusAsync(string clientOrderId, OrderRecordStatus status, string? exchangeOrderId, DateTime nowUtc)
    {
        var existing = await journal.GetOrderAsync(clientOrderId);
        if (existing is null || existing.Status is OrderRecordStatus.Filled or OrderRecordStatus.Cancelled or OrderRecordStatus.Rejected or OrderRecordStatus.Expired)
        {
            return;
        }

        await journal.UpdateOrderStatusAsync(clientOrderId, status, exchangeOrderId, nowUtc);
    }

    private static OrderRecordStatus Status(Order order) => order.Status switch
    {
        OrderStatus.Open => OrderRecordStatus.Open,
        OrderStatus.Filled => OrderRecordStatus.Filled,
        OrderStatus.Canceled => OrderRecordStatus.Cancelled,
        _ => OrderRecordStatus.Rejected,
    };
}
