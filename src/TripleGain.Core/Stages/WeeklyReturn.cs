using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// One completed ISO week (Monday 00:00 UTC to the next Monday 00:00 UTC) of an equity curve: the equity at its start
/// and at its end (the last point at or before each instant) and the simple return.
/// </summary>
public sealed record WeeklyReturn(int IsoYear, int IsoWeek, DateTime Start, decimal OpenEquity, decimal CloseEquity)
{
    /// <summary>Start + 7 days.</summary>
    [JsonIgnore]
    public DateTime End => Start.AddDays(7);

    /// <summary>Close / open - 1.</summary>
    [JsonIgnore]
    public double Return => (double)(CloseEquity / OpenEquity) - 1;

    /// <summary>The week ended below its start.</summary>
    [JsonIgnore]
    public bool IsLosing => CloseEquity < OpenEquity;

    /// <summary>"2024-W09".</summary>
    public override string ToString() => $"{IsoYear}-W{IsoWeek:00}";
}
