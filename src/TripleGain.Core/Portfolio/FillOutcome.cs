namespace TripleGain.Core.Portfolio;

/// <summary>
/// What applying a fill did: the ledger entries written, the P&amp;L realized by the part that reduced a position (in
/// the quote asset and in USDT, before fees), the fee in USDT, the volume that reduced the previous position and the
/// volume that opened or increased one, and the position in the pair afterwards (null when flat).
/// </summary>
public sealed record FillOutcome(
    Fill Fill,
    IReadOnlyList<LedgerEntry> Entries,
    decimal RealizedPnl,
    decimal RealizedPnlUsd,
    decimal FeeUsd,
    decimal ClosedVolume,
    decimal OpenedVolume,
    PositionState? PositionAfter);
