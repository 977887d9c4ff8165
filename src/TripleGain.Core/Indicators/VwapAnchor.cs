namespace TripleGain.Core.Indicators;

/// <summary>Where a VWAP's cumulative sums start.</summary>
public enum VwapAnchor
{
    /// <summary>Session VWAP: the sums reset at 00:00 UTC every day (the project's default).</summary>
    UtcDay = 0,

    /// <summary>Cumulative from the first bar (or the start date), never reset: Skender's <c>ToVwap()</c>.</summary>
    FirstBar = 1,
}
