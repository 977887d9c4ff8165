using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// Everything needed to restore an <see cref="Account"/> (<see cref="Account.ToState"/> / <see cref="Account.FromState"/>),
/// serializable with System.Text.Json. The ledger itself is not part of the state: entries are handed out as they are
/// written (<see cref="Account.Ledger"/>) for a journal to keep; <see cref="LedgerSequence"/> continues their numbering.
/// <see cref="TradeDay"/> is the UTC day of the latest fill and <see cref="TradesOnTradeDay"/> the fills on that day.
/// </summary>
public sealed record AccountState(
    string AccountId,
    decimal MaxLeverage,
    decimal MarginOpeningFeeRate,
    IReadOnlyDictionary<Asset, decimal> Balances,
    IReadOnlyList<PositionState> Positions,
    decimal PeakEquityUsd,
    decimal RealizedPnlUsd,
    decimal FeesPaidUsd,
    DateOnly? TradeDay,
    int TradesOnTradeDay,
    long LedgerSequence);
