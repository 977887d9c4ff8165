using TripleGain.Core.Exchange;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Grains.Portfolio;

/// <summary>
/// One paper account and its paper exchange: balances, positions, open orders; applies fills. Key: the account id,
/// "paper:&lt;model id&gt;" in comparison mode (each model trades its own account with the same starting capital).
/// </summary>
[Alias("triplegain.IPortfolioGrain")]
public interface IPortfolioGrain : IGrainWithStringKey
{
    /// <summary>Applies every candle closed since the last sync (filling resting orders), marks to market and returns the snapshot.</summary>
    [Alias("SyncAsync")]
    Task<PortfolioSnapshot> SyncAsync(DateTime nowUtc);

    /// <summary>
    /// Places the cycle's orders. Idempotent: a cycle id already executed returns <c>AlreadyExecuted</c> and places
    /// nothing; an order whose client order id the exchange has seen is not placed again.
    /// </summary>
    [Alias("ExecuteAsync")]
    /// <param name="cycleId">The idempotency key of the whole batch.</param>
    /// <param name="orders">The orders, in submission order.</param>
    /// <param name="nowUtc">Market time.</param>
    /// <param name="decisionIds">The journal id of the decision behind each order, by client order id (journalled with the order).</param>
    Task<ExecutionReport> ExecuteAsync(string cycleId, IReadOnlyList<OrderRequest> orders, DateTime nowUtc, IReadOnlyDictionary<string, long>? decisionIds = null);

    /// <summary>The account now: the same as <see cref="SyncAsync"/> (prices need the latest candles).</summary>
    [Alias("SnapshotAsync")]
    Task<PortfolioSnapshot> SnapshotAsync(DateTime nowUtc);

    /// <summary>The account's round trips so far, replayed from its fills (see TradeBook).</summary>
    [Alias("ClosedTradesAsync")]
    Task<IReadOnlyList<ClosedTrade>> ClosedTradesAsync();

    /// <summary>Sharpe, drawdown, win rate, profit factor... from the journalled equity curve and the round trips; null before two equity points.</summary>
    [Alias("PerformanceAsync")]
    Task<PerformanceReport?> PerformanceAsync(DateTime nowUtc);

    [Alias("OpenOrdersAsync")]
    Task<IReadOnlyList<Order>> OpenOrdersAsync();

    /// <summary>Cancels every open order (emergency stop). Returns how many were cancelled.</summary>
    [Alias("CancelAllAsync")]
    Task<int> CancelAllAsync(DateTime nowUtc, string reason);
}
