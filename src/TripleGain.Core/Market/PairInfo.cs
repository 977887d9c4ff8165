namespace TripleGain.Core.Market;

/// <summary>
/// Exchange metadata of a pair (Kraken's AssetPairs: pair_decimals, lot_decimals, ordermin, costmin, fees).
/// Fees are fractions: 0.0025 is 0.25%.
/// </summary>
public sealed record PairInfo(
    Pair Pair,
    string ExchangeName,
    int PriceDecimals,
    int VolumeDecimals,
    decimal MinOrderVolume,
    decimal MinCost,
    decimal MakerFee,
    decimal TakerFee,
    int MaxLeverage)
{
    /// <summary>The smallest price step, 10^-PriceDecimals.</summary>
    public decimal TickSize => Pow10(-PriceDecimals);

    /// <summary>True when <paramref name="price"/> has no more than <see cref="PriceDecimals"/> decimals.</summary>
    public bool IsValidPrice(decimal price) => price > 0 && decimal.Round(price, PriceDecimals) == price;

    public decimal RoundPrice(decimal price) => decimal.Round(price, PriceDecimals, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a volume down to the lot precision (never up: an order must not exceed what was sized).</summary>
    public decimal FloorVolume(decimal volume)
    {
        var scale = Pow10(VolumeDecimals);
        return decimal.Floor(volume * scale) / scale;
    }

    /// <summary>
    /// Rounds a volume up to the lot precision: what a reduce-only close of the whole position sends (the exchange cuts
    /// it to the position when it fills).
    /// </summary>
    public decimal CeilVolume(decimal volume)
    {
        var scale = Pow10(VolumeDecimals);
        return decimal.Ceiling(volume * scale) / scale;
    }

    private static decimal Pow10(int exponent)
    {
        var result = 1m;
        for (var i = 0; i < Math.Abs(exponent); i++)
        {
            result *= 10m;
        }

        return exponent >= 0 ? result : 1m / result;
    }
}
