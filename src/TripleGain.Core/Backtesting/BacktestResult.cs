using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Backtesting;

/// <summary>
/// What a backtest produced: the run's settings, the equity curve, the closed trades (see <see cref="BacktestEngine"/> for
/// how round trips are formed), every fill, what the model decided and why orders were not made, the final portfolio and
/// the performance report over the curve and the trades. Dictionaries enumerate in a fixed (sorted) order.
/// </summary>
public sealed record BacktestResult
{
    /// <summary>The model's id ("baseline", "buy-and-hold", ...).</summary>
    public required string ModelId { get; init; }

    /// <summary>The options the run used.</summary>
    public required BacktestOptions Options { get; init; }

    /// <summary>The pairs traded (tracked and decided on).</summary>
    public required IReadOnlyList<Pair> Pairs { get; init; }

    /// <summary>The timeframes the tracker computed indicators for.</summary>
    public required IReadOnlyList<Timeframe> Timeframes { get; init; }

    /// <summary>Equity marks: the first cycle, then one per <see cref="BacktestOptions.EquityInterval"/> (aligned to UTC), and the end.</summary>
    public required IReadOnlyList<EquityPoint> Equity { get; init; }

    /// <summary>Round trips closed during the run, in the order they closed.</summary>
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }

    /// <summary>Every fill of the account, in time order.</summary>
    public required IReadOnlyList<Fill> Fills { get; init; }

    /// <summary>The model's decisions by action (HOLD included), over every decision cycle.</summary>
    public required IReadOnlyDictionary<TradeAction, int> DecisionsByAction { get; init; }

    /// <summary>Risk verdicts rejected, by rule (<see cref="RiskRules"/>).</summary>
    public required IReadOnlyDictionary<string, int> RejectionsByRule { get; init; }

    /// <summary>Every decision that produced no order, by rule: the risk rejections and the coordinator's drops (consensus, triangle_conflict, over_allocation, no_price).</summary>
    public required IReadOnlyDictionary<string, int> DroppedByRule { get; init; }

    /// <summary>Orders the paper exchange refused when placed, by Kraken error code.</summary>
    public required IReadOnlyDictionary<string, int> OrderErrorsByCode { get; init; }

    /// <summary>Entry orders the exchange accepted.</summary>
    public required int OrdersPlaced { get; init; }

    /// <summary>Decision cycles run (times the model was asked).</summary>
    public required int DecisionCycles { get; init; }

    /// <summary>Candles replayed (all pairs of the source).</summary>
    public required long CandleCount { get; init; }

    /// <summary>The account at the end, valued at the last prices (open positions stay open).</summary>
    public required PortfolioSnapshot FinalPortfolio { get; init; }

    public required PerformanceReport Report { get; init; }

    /// <summary>Equity of the first mark.</summary>
    public decimal StartEquity => Equity[0].Equity;

    /// <summary>Equity at the last prices = the last mark.</summary>
    public decimal FinalEquity => FinalPortfolio.EquityUsd;
}
