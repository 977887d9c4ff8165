using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>Parameters of the <see cref="BaselineModel"/>.</summary>
public sealed record BaselineSettings
{
    /// <summary>The timeframe whose indicators vote.</summary>
    public Timeframe PrimaryTimeframe { get; init; } = Timeframe.H1;

    /// <summary>Position size (% of equity) at confidence 1; scaled down by confidence.</summary>
    public decimal BaseSizePct { get; init; } = 10m;

    /// <summary>Stop-loss distance in ATRs from the price.</summary>
    public decimal StopAtrMultiple { get; init; } = 2m;

    /// <summary>Take-profit distance in ATRs from the price.</summary>
    public decimal TakeProfitAtrMultiple { get; init; } = 3m;

    /// <summary>Whether a bearish consensus opens a short (SELL) when flat.</summary>
    public bool AllowShorts { get; init; } = true;

    /// <summary>Price precision used to round stops and targets.</summary>
    public PairCatalog Catalog { get; init; } = PairCatalog.Kraken;

    public static BaselineSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting, the value and the rule.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(PrimaryTimeframe))
        {
            throw new ArgumentException($"BaselineSettings.PrimaryTimeframe = {(int)PrimaryTimeframe} is not a known timeframe.", nameof(PrimaryTimeframe));
        }

        if (BaseSizePct <= 0 || BaseSizePct > 100)
        {
            throw new ArgumentException($"BaselineSettings.BaseSizePct = {BaseSizePct} must be in (0, 100].", nameof(BaseSizePct));
        }

        if (StopAtrMultiple <= 0)
        {
            throw new ArgumentException($"BaselineSettings.StopAtrMultiple = {StopAtrMultiple} must be positive.", nameof(StopAtrMultiple));
        }

        if (TakeProfitAtrMultiple <= 0)
        {
            throw new ArgumentException($"BaselineSettings.TakeProfitAtrMultiple = {TakeProfitAtrMultiple} must be positive.", nameof(TakeProfitAtrMultiple));
        }

        if (Catalog is null)
        {
            throw new ArgumentException("BaselineSettings.Catalog is null.", nameof(Catalog));
        }
    }
}
