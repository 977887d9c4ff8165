using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// What a <see cref="PairTracker"/> keeps per pair: the timeframes it aggregates 1-minute candles into (each with its own
/// indicator stream), how many completed candles of each it remembers for a prompt, and the indicator periods.
/// </summary>
public sealed record TrackerSettings
{
    /// <summary>The timeframes tracked, in the order snapshots list them. 1m itself is fed the raw candles.</summary>
    public IReadOnlyList<Timeframe> Timeframes { get; init; } =
        [Timeframe.M1, Timeframe.M5, Timeframe.M15, Timeframe.H1, Timeframe.H4, Timeframe.D1];

    /// <summary>Completed candles remembered per timeframe (a ring buffer), at least 1.</summary>
    public int WindowSize { get; init; } = 100;

    public IndicatorSettings Indicators { get; init; } = IndicatorSettings.Default;

    public static TrackerSettings Default { get; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting, the value and the rule.</summary>
    public void Validate()
    {
        if (Timeframes is null || Timeframes.Count == 0)
        {
            throw new ArgumentException("TrackerSettings.Timeframes is empty: track at least one timeframe.", nameof(Timeframes));
        }

        for (var i = 0; i < Timeframes.Count; i++)
        {
            if (!Enum.IsDefined(Timeframes[i]))
            {
                throw new ArgumentException($"TrackerSettings.Timeframes[{i}] = {(int)Timeframes[i]} is not a known timeframe.", nameof(Timeframes));
            }

            for (var j = 0; j < i; j++)
            {
                if (Timeframes[j] == Timeframes[i])
                {
                    throw new ArgumentException($"TrackerSettings.Timeframes lists {Timeframes[i].Label()} twice: each timeframe once.", nameof(Timeframes));
                }
            }
        }

        if (WindowSize < 1)
        {
            throw new ArgumentException($"TrackerSettings.WindowSize = {WindowSize} must be at least 1.", nameof(WindowSize));
        }

        if (Indicators is null)
        {
            throw new ArgumentException("TrackerSettings.Indicators is null.", nameof(Indicators));
        }
    }
}
