namespace TripleGain.Core.Portfolio;

/// <summary>Why a balance changed (after Kraken's ledger types).</summary>
public enum LedgerEntryKind
{
    /// <summary>Funds paid in (the account's starting balances are deposits).</summary>
    Deposit = 1,

    /// <summary>A cash trade's movement of the base or the quote asset.</summary>
    Trade = 2,

    /// <summary>A trading fee (maker or taker), in the quote asset.</summary>
    Fee = 3,

    /// <summary>A margin charge: the opening fee of a margin position (<see cref="Account.MarginOpeningFeeRate"/>).</summary>
    Margin = 4,

    /// <summary>The profit or loss of a margin position settled into the quote balance when it is reduced or closed.</summary>
    RealizedPnl = 5,
}
