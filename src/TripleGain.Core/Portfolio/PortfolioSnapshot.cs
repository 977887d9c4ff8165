using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// An immutable view of an account at one time, valued in USDT. What agents see of the portfolio.
/// <see cref="PeakEquityUsd"/> is the highest equity seen so far, for drawdown checks;
/// <see cref="TradesToday"/> counts orders filled since 00:00 UTC of <see cref="Timestamp"/>.
/// </summary>
public sealed record PortfolioSnapshot(
    string AccountId,
    DateTime Timestamp,
    IReadOnlyDictionary<Asset, decimal> Balances,
    IReadOnlyList<Position> Positions,
    decimal EquityUsd,
    decimal PeakEquityUsd,
    decimal MarginUsedUsd,
    decimal FreeMarginUsd,
    decimal RealizedPnlUsd,
    decimal UnrealizedPnlUsd,
    int TradesToday)
{
    /// <summary>Trading and margin fees paid since the account was opened, in USDT (realized P&amp;L is gross of them).</summary>
    public decimal FeesPaidUsd { get; init; }

    public decimal Balance(Asset asset) => Balances.TryGetValue(asset, out var amount) ? amount : 0m;

    public Position? PositionIn(Pair pair) => Positions.FirstOrDefault(p => p.Pair == pair);

    /// <summary>Drawdown from the equity peak, in percent (0..100).</summary>
    public decimal DrawdownPct => PeakEquityUsd <= 0 ? 0m : Math.Max(0m, (PeakEquityUsd - EquityUsd) / PeakEquityUsd * 100m);
}
