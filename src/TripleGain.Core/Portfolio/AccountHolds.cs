using TripleGain.Core.Market;

namespace TripleGain.Core.Portfolio;

/// <summary>
/// Funds reserved by resting orders, which a new trade may not spend: amounts per asset (cash orders) and margin in
/// USDT (margin orders).
/// </summary>
public sealed record AccountHolds(IReadOnlyDictionary<Asset, decimal> Balances, decimal MarginUsd)
{
    public static AccountHolds None { get; } = new(new Dictionary<Asset, decimal>(), 0m);

    public decimal Of(Asset asset) => Balances.TryGetValue(asset, out var amount) ? amount : 0m;
}
