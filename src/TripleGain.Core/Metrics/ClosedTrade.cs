using TripleGain.Core.Market;
using TripleGain.Core.Portfolio;

namespace TripleGain.Core.Metrics;

/// <summary>
/// A round trip that has been closed. Times are UTC; prices in the pair's quote asset; <see cref="Volume"/> in the base
/// asset (positive, the side says the direction). <see cref="PnlUsd"/> is the realised profit in USD <b>net of fees</b>;
/// <see cref="FeesUsd"/> (entry + exit, non-negative) is reported for information and is already included in it.
/// </summary>
public sealed record ClosedTrade(
    Pair Pair,
    PositionSide Side,
    DateTime EntryTime,
    DateTime ExitTime,
    decimal EntryPrice,
    decimal ExitPrice,
    decimal Volume,
    decimal PnlUsd,
    decimal FeesUsd)
{
    /// <summary>How long the position was open.</summary>
    public TimeSpan HoldTime => ExitTime - EntryTime;
}
