namespace TripleGain.Silo.Tests.Support;

/// <summary>A row of the journal's <c>cycles</c> table; <see cref="Number"/> is the part of the id after the last '-'.</summary>
public sealed record JournalCycle(string CycleId, DateTime StartedAt, string Status)
{
    public long Number => long.Parse(CycleId[(CycleId.LastIndexOf('-') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
}
