using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// An open position in a pair. <see cref="Volume"/> is in the base asset (always positive; the side says the direction),
/// <see cref="EntryPrice"/> the volume-weighted average entry in the quote asset. Values in USDT are marked at the
/// snapshot's prices.
/// </summary>
public sealed record Position(
    Pair Pair,
    PositionSide Side,
    decimal Volume,
    decimal EntryPrice,
    decimal Leverage,
    DateTime OpenedAt,
    decimal? StopLoss,
    decimal? TakeProfit,
    decimal MarkPrice,
    decimal NotionalUsd,
    decimal MarginUsd,
    decimal UnrealizedPnlUsd);
