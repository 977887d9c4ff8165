using TripleGain.Core.Market;

namespace TripleGain.Journal;

/// <summary>
/// An account's equity at one moment (table <c>equity_snapshots</c>, one per account and timestamp).
/// <see cref="Equity"/> is in USDT; <see cref="Balances"/> per asset (stored as JSON with exact decimals);
/// <see cref="Drawdown"/> is the fraction below the peak (0.05 = 5 %).
/// </summary>
public sealed record EquitySnapshotRecord(
    string AccountId,
    DateTime TakenAt,
    decimal Equity,
    IReadOnlyDictionary<Asset, decimal> Balances,
    decimal Drawdown);
