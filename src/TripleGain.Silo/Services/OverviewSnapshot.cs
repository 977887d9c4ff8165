namespace TripleGain.Silo.Services;

/// <summary>
/// What the overview page shows: the mode (paper / live) and market (simulated or the exchange), the phase and capital
/// stage, the market time, every model's account with its equity curve, the pairs' prices, the last cycle and alerts.
/// </summary>
public sealed record OverviewSnapshot(
    string Mode,
    string Market,
    string Stage,
    DateTime MarketTime,
    IReadOnlyList<AccountSummary> Accounts,
    IReadOnlyList<PairQuote> Prices,
    CycleView Cycle,
    IReadOnlyList<OperatorAlert> Alerts);
