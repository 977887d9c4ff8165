namespace TripleGain.Core.Market;

/// <summary>
/// The pairs' exchange metadata. <see cref="Kraken"/> holds Kraken's published values (XBTUSDT from the AssetPairs
/// endpoint: pair_decimals 1, lot_decimals 8, ordermin 0.00005, costmin 0.5; fee tier 0: maker 0.25%, taker 0.40%).
/// Fees can be overridden with <see cref="WithFees"/>.
/// </summary>
public sealed class PairCatalog
{
    private readonly Dictionary<Pair, PairInfo> _pairs;

    public PairCatalog(IEnumerable<PairInfo> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        _pairs = pairs.ToDictionary(p => p.Pair);
    }

    public const decimal DefaultMakerFee = 0.0025m;
    public const decimal DefaultTakerFee = 0.0040m;

    public static PairCatalog Kraken { get; } = new(
    [
        new PairInfo(Pair.BtcUsdt, "XBTUSDT", PriceDecimals: 1, VolumeDecimals: 8, MinOrderVolume: 0.00005m, MinCost: 0.5m, DefaultMakerFee, DefaultTakerFee, MaxLeverage: 5),
        new PairInfo(Pair.XrpUsdt, "XRPUSDT", PriceDecimals: 5, VolumeDecimals: 8, MinOrderVolume: 2m, MinCost: 0.5m, DefaultMakerFee, DefaultTakerFee, MaxLeverage: 5),
        new PairInfo(Pair.XrpBtc, "XXRPXXBT", PriceDecimals: 8, VolumeDecimals: 8, MinOrderVolume: 2m, MinCost: 0.00001m, DefaultMakerFee, DefaultTakerFee, MaxLeverage: 5),
    ]);

    public IReadOnlyCollection<PairInfo> Pairs => _pairs.Values;

    public PairInfo this[Pair pair] =>
        _pairs.TryGetValue(pair, out var info) ? info : throw new KeyNotFoundException($"No exchange metadata for pair {pair}.");

    public bool Contains(Pair pair) => _pairs.ContainsKey(pair);

    /// <summary>A copy with the given maker and taker fees (fractions) on every pair.</summary>
    public PairCatalog WithFees(decimal makerFee, decimal takerFee)
    {
        if (makerFee < 0 || makerFee >= 0.1m || takerFee < 0 || takerFee >= 0.1m)
        {
            throw new ArgumentOutOfRangeException(nameof(makerFee), $"Fees must be fractions in [0, 0.1): maker {makerFee}, taker {takerFee}.");
        }

        return new PairCatalog(_pairs.Values.Select(p => p with { MakerFee = makerFee, TakerFee = takerFee }));
    }
}
