using System.Globalization;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// The target share of the account's spot value per asset, as fractions 0..1 that sum to 1 (within
/// <see cref="SumTolerance"/>). Invalid weights throw with the weights and the rule.
/// </summary>
public sealed record TargetAllocation
{
    public const decimal SumTolerance = 0.0001m;

    public TargetAllocation(decimal usdt, decimal xrp, decimal btc)
    {
        Check(Asset.USDT, usdt);
        Check(Asset.XRP, xrp);
        Check(Asset.BTC, btc);
        var sum = usdt + xrp + btc;
        if (Math.Abs(sum - 1m) > SumTolerance)
        {
            throw new ArgumentException(
                FormattableString.Invariant(
                    $"Target allocation weights must sum to 1 (within {SumTolerance}): USDT {usdt} + XRP {xrp} + BTC {btc} = {sum}."),
                nameof(usdt));
        }

        Usdt = usdt;
        Xrp = xrp;
        Btc = btc;
    }

    public decimal Usdt { get; }

    public decimal Xrp { get; }

    public decimal Btc { get; }

    public decimal Weight(Asset asset) => asset switch
    {
        Asset.USDT => Usdt,
        Asset.XRP => Xrp,
        Asset.BTC => Btc,
        _ => throw new ArgumentOutOfRangeException(nameof(asset), asset, "Unknown asset."),
    };

    private static void Check(Asset asset, decimal weight)
    {
        if (weight < 0 || weight > 1)
        {
            throw new ArgumentOutOfRangeException(
                asset.ToString().ToLowerInvariant(),
                weight,
                string.Create(CultureInfo.InvariantCulture, $"The target weight of {asset} must be in [0, 1], got {weight}."));
        }
    }
}
