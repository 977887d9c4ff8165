using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// One immutable change of one balance. <see cref="Amount"/> is signed (credit positive, debit negative),
/// <see cref="BalanceAfter"/> the balance of <see cref="Asset"/> after it. <see cref="Reference"/> is the trade id of
/// the fill that caused it, or the deposit's reference. Summing the amounts per asset reproduces the balances
/// (<see cref="Account.BalancesFrom"/>).
/// </summary>
public sealed record LedgerEntry(
    string Id,
    DateTime Timestamp,
    Asset Asset,
    decimal Amount,
    decimal BalanceAfter,
    LedgerEntryKind Kind,
    string Reference);
