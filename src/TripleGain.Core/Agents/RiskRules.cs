namespace TripleGain.Core.Agents;

/// <summary>
/// The rule keys a <see cref="RiskVerdict"/> (and the coordinator's dropped decisions) name. The constraint keys follow
/// the seed's configuration (constraints.*); the others name a check that is not a configured limit.
/// </summary>
public static class RiskRules
{
    public const string InvalidDecision = "invalid_decision";
    public const string NoPosition = "no_position";
    public const string PairNotAllowed = "pair_not_allowed";
    public const string ConfidenceThreshold = "confidence_threshold";
    public const string MaxDrawdownPct = "max_drawdown_pct";
    public const string MaxTradesPerDay = "max_trades_per_day";
    public const string NoEquity = "no_equity";
    public const string ShortNotAllowed = "short_not_allowed";
    public const string StopLossSide = "stop_loss_side";
    public const string TakeProfitSide = "take_profit_side";
    public const string RiskPerTradePct = "risk_per_trade_pct";
    public const string MaxPositionPct = "max_position_pct";
    public const string MaxSingleOrderUsd = "max_single_order_usd";
    public const string MaxLeverage = "max_leverage";
    public const string AvailableFunds = "available_funds";
    public const string PositionVolume = "position_volume";
    public const string MinimumOrderSize = "minimum_order_size";

    /// <summary>An entry (an order that opens or increases a position, or sells holdings) in the pair was sent earlier
    /// and is still waiting for its fill: a second one would double what is already on its way.</summary>
    public const string EntryPending = "entry_pending";
}
