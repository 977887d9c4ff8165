using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>Parameters of the <see cref="BuyAndHoldModel"/>.</summary>
public sealed record BuyAndHoldSettings
{
    /// <summary>
    /// Explicit allocation per pair (% of equity). Pairs not listed are only held. When null, <see cref="TotalAllocationPct"/>
    /// is split equally across the USDT-quoted pairs of each cycle's market (90% over BTC/USDT and XRP/USDT = 45% each).
    /// </summary>
    public IReadOnlyDictionary<Pair, decimal>? Allocations { get; init; }

    /// <summary>The share of equity invested when <see cref="Allocations"/> is null.</summary>
    public decimal TotalAllocationPct { get; init; } = 90m;

    public static BuyAndHoldSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting, the value and the rule.</summary>
    public void Validate()
    {
        if (TotalAllocationPct <= 0 || TotalAllocationPct > 100)
        {
            throw new ArgumentException($"BuyAndHoldSettings.TotalAllocationPct = {TotalAllocationPct} must be in (0, 100].", nameof(TotalAllocationPct));
        }

        if (Allocations is null)
        {
            return;
        }

        var total = 0m;
        foreach (var (pair, pct) in Allocations)
        {
            if (pct <= 0 || pct > 100)
            {
                throw new ArgumentException($"BuyAndHoldSettings.Allocations[{pair}] = {pct} must be in (0, 100].", nameof(Allocations));
            }

            total += pct;
        }

        if (total > 100)
        {
            throw new ArgumentException($"BuyAndHoldSettings.Allocations add up to {total}%: at most 100% of equity.", nameof(Allocations));
        }
    }
}
