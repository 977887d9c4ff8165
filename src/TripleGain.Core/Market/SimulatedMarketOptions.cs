using System.Text.Json.Serialization;

namespace TripleGain.Core.Market;

/// <summary>
/// Parameters of <see cref="SimulatedMarket"/>. The generated candles are a pure function of these values: the same
/// options (above all <see cref="Seed"/> and <see cref="Start"/>) give the same candles, bit for bit, on every machine.
/// Defaults: BTC/USDT from 60,000 at 55% annualized volatility, XRP/USDT from 0.55 at 85%, return correlation 0.6.
/// </summary>
public sealed record SimulatedMarketOptions
{
    /// <summary>The default start: 2025-01-01T00:00Z.</summary>
    public static readonly DateTime DefaultStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>Seed of the random generator (xoshiro256** seeded by SplitMix64).</summary>
    public long Seed { get; init; } = 42;

    /// <summary>Open time (UTC, a whole minute) of the first candle.</summary>
    public DateTime Start { get; init; } = DefaultStart;

    /// <summary>BTC/USDT price at <see cref="Start"/>, in USDT.</summary>
    public decimal BtcUsdtStartPrice { get; init; } = 60_000m;

    /// <summary>XRP/USDT price at <see cref="Start"/>, in USDT. XRP/BTC starts at the ratio of the two.</summary>
    public decimal XrpUsdtStartPrice { get; init; } = 0.55m;

    /// <summary>Annualized volatility of BTC/USDT's 1-minute log returns (365-day year), e.g. 0.55 for 55%.</summary>
    public double BtcAnnualVolatility { get; init; } = 0.55;

    /// <summary>Annualized volatility of XRP/USDT's 1-minute log returns.</summary>
    public double XrpAnnualVolatility { get; init; } = 0.85;

    /// <summary>Correlation of the BTC and XRP return shocks (mixed by Cholesky).</summary>
    public double Correlation { get; init; } = 0.6;

    /// <summary>GARCH(1,1) weight of the last squared shock (volatility clustering).</summary>
    public double GarchAlpha { get; init; } = 0.04;

    /// <summary>GARCH(1,1) weight of the last variance; <see cref="GarchAlpha"/> + beta is the persistence (&lt; 1).</summary>
    public double GarchBeta { get; init; } = 0.95;

    /// <summary>
    /// Degrees of freedom of the Student-t shocks (fat tails): an even number from 4 to 60. Both assets share the
    /// chi-square mixing variable, so large moves tend to happen together. Higher is closer to normal.
    /// </summary>
    public int ShockDegreesOfFreedom { get; init; } = 4;

    /// <summary>Mean length of a trending regime, in hours (regime changes are a Markov chain, checked every minute).</summary>
    public double TrendMeanDurationHours { get; init; } = 36;

    /// <summary>Mean length of a ranging regime, in hours.</summary>
    public double RangeMeanDurationHours { get; init; } = 60;

    /// <summary>Drift of a trending regime per day, in daily standard deviations of the asset (1 = one daily sigma a day).</summary>
    public double TrendStrength { get; init; } = 0.8;

    /// <summary>Half-life, in hours, of the pull back to the level where the ranging regime began.</summary>
    public double RangeReversionHalfLifeHours { get; init; } = 6;

    /// <summary>Mean BTC/USDT volume per minute, in BTC (before the intraday pattern and the volatility effect).</summary>
    public decimal BtcUsdtMeanVolume { get; init; } = 0.5m;

    /// <summary>Mean XRP/USDT volume per minute, in XRP.</summary>
    public decimal XrpUsdtMeanVolume { get; init; } = 40_000m;

    /// <summary>XRP/BTC volume as a fraction of XRP/USDT volume (both in XRP).</summary>
    public double XrpBtcVolumeShare { get; init; } = 0.1;

    /// <summary>
    /// Price and volume decimals of the three pairs. Defaults to <see cref="PairCatalog.Kraken"/>; not serialized (a
    /// deserialized options record uses the default).
    /// </summary>
    [JsonIgnore]
    public PairCatalog Catalog { get; init; } = PairCatalog.Kraken;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option that breaks its rule.</summary>
    public void Validate()
    {
        if (Start.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"Start {Start:O} must be UTC, not local time.", nameof(Start));
        }

        if (Start.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            throw new ArgumentException($"Start {Start:O} must be a whole minute.", nameof(Start));
        }

        ArgumentNullException.ThrowIfNull(Catalog, nameof(Catalog));
        foreach (var pair in Pair.All)
        {
            if (!Catalog.Contains(pair))
            {
                throw new ArgumentException($"Catalog has no metadata for {pair}; the simulated market needs all of {string.Join(", ", Pair.All)}.", nameof(Catalog));
            }

            var info = Catalog[pair];
            if (info.PriceDecimals is < 0 or > 12 || info.VolumeDecimals is < 0 or > 10)
            {
                throw new ArgumentException($"Catalog decimals of {pair} (price {info.PriceDecimals}, volume {info.VolumeDecimals}) must be 0..12 and 0..10.", nameof(Catalog));
            }
        }

        RequirePrice(BtcUsdtStartPrice, Pair.BtcUsdt, nameof(BtcUsdtStartPrice));
        RequirePrice(XrpUsdtStartPrice, Pair.XrpUsdt, nameof(XrpUsdtStartPrice));
        RequireRange(BtcAnnualVolatility, 0.01, 5, nameof(BtcAnnualVolatility));
        RequireRange(XrpAnnualVolatility, 0.01, 5, nameof(XrpAnnualVolatility));
        RequireRange(Correlation, -0.99, 0.99, nameof(Correlation));
        RequireRange(GarchAlpha, 0, 0.5, nameof(GarchAlpha));
        RequireRange(GarchBeta, 0, 0.9999, nameof(GarchBeta));
        if (GarchAlpha + GarchBeta >= 1)
        {
            throw new ArgumentException($"GarchAlpha + GarchBeta = {GarchAlpha + GarchBeta} must be below 1 (a stationary variance).", nameof(GarchBeta));
        }

        if (ShockDegreesOfFreedom is < 4 or > 60 || ShockDegreesOfFreedom % 2 != 0)
        {
            throw new ArgumentException($"ShockDegreesOfFreedom {ShockDegreesOfFreedom} must be an even number from 4 to 60.", nameof(ShockDegreesOfFreedom));
        }

        RequireRange(TrendMeanDurationHours, 1.0 / 60, 24 * 365, nameof(TrendMeanDurationHours));
        RequireRange(RangeMeanDurationHours, 1.0 / 60, 24 * 365, nameof(RangeMeanDurationHours));
        RequireRange(TrendStrength, 0, 10, nameof(TrendStrength));
        RequireRange(RangeReversionHalfLifeHours, 1.0 / 60, 24 * 365, nameof(RangeReversionHalfLifeHours));
        RequireVolume(BtcUsdtMeanVolume, nameof(BtcUsdtMeanVolume));
        RequireVolume(XrpUsdtMeanVolume, nameof(XrpUsdtMeanVolume));
        RequireRange(XrpBtcVolumeShare, 0.0001, 10, nameof(XrpBtcVolumeShare));
    }

    private void RequirePrice(decimal price, Pair pair, string name)
    {
        var info = Catalog[pair];
        var ceiling = 100_000_000_000_000m * info.TickSize; // 10^14 ticks leaves room for any simulated rally
        if (price <= 0 || info.RoundPrice(price) <= 0 || price > ceiling)
        {
            throw new ArgumentException($"{name} {price} must be positive, at least one tick ({info.TickSize}) and at most {ceiling}.", name);
        }
    }

    private static void RequireRange(double value, double min, double max, string name)
    {
        if (!(value >= min && value <= max))
        {
            throw new ArgumentException($"{name} {value} must be between {min} and {max}.", name);
        }
    }

    private static void RequireVolume(decimal value, string name)
    {
        if (value <= 0 || value > 1_000_000_000m)
        {
            throw new ArgumentException($"{name} {value} must be positive and at most 1,000,000,000.", name);
        }
    }
}
