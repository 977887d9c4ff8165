using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// An open position as the account stores it (no market values; <see cref="Position"/> is its valued view in a
/// snapshot). <see cref="Volume"/> is in the base asset, <see cref="EntryPrice"/> the volume-weighted average entry in
/// the quote asset. <see cref="Leverage"/> 1 is a cash position (always long), above 1 a margin position.
/// <see cref="StopLoss"/> and <see cref="TakeProfit"/> are the trigger prices of the protective orders resting at the
/// exchange, if any.
/// </summary>
public sealed record PositionState(
    Pair Pair,
    PositionSide Side,
    decimal Volume,
    decimal EntryPrice,
    decimal Leverage,
    DateTime OpenedAt,
    decimal? StopLoss = null,
    decimal? TakeProfit = null)
{
    public bool IsMargin => Leverage > 1m;

    /// <summary>+1 for a long, -1 for a short.</summary>
    public decimal Direction => Side == PositionSide.Long ? 1m : -1m;

    /// <summary>Profit or loss in the quote asset if the position were closed at <paramref name="price"/>.</summary>
    public decimal PnlAt(decimal price) => Direction * (price - EntryPrice) * Volume;
}
