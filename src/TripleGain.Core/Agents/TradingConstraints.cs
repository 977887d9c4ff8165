using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// The risk limits of the seed's configuration (constraints.*). Percentages are 0..100.
/// </summary>
public sealed record TradingConstraints
{
    /// <summary>risk_per_trade_pct: equity at risk between entry and stop-loss.</summary>
    public decimal RiskPerTradePct { get; init; } = 2m;

    /// <summary>max_leverage: gross position notional / equity.</summary>
    public decimal MaxLeverage { get; init; } = 2m;

    /// <summary>max_drawdown_pct: from the equity peak; beyond it no new risk is taken (closing is still allowed).</summary>
    public decimal MaxDrawdownPct { get; init; } = 10m;

    /// <summary>confidence_threshold: decisions below it are rejected.</summary>
    public double ConfidenceThreshold { get; init; } = 0.6;

    /// <summary>max_trades_per_day (UTC day), counted over opening and closing orders.</summary>
    public int MaxTradesPerDay { get; init; } = 10;

    /// <summary>max_single_order_usd: notional cap of one order, in USDT.</summary>
    public decimal MaxSingleOrderUsd { get; init; } = 500m;

    /// <summary>max_position_pct: cap of one position's notional as % of equity.</summary>
    public decimal MaxPositionPct { get; init; } = 25m;

    /// <summary>Stop distance assumed when a decision carries no stop-loss, as % of price.</summary>
    public decimal DefaultStopPct { get; init; } = 2m;

    /// <summary>Pairs the current stage allows.</summary>
    public IReadOnlyList<Pair> AllowedPairs { get; init; } = Pair.All;

    public static TradingConstraints Default { get; } = new();
}
