using System.Text.Json.Serialization;
using TripleGain.Core.Stages;

namespace TripleGain.Grains.Stages;

/// <summary>
/// One run of the rollback rules (<see cref="RollbackRules.Evaluate"/>), for the UI to show how close each rule is:
/// when, the peak equity and the deepest drawdown of the window against its limit (fractions), the completed weeks and
/// the longest losing run, and the transitions that fired (empty when nothing did).
/// </summary>
[GenerateSerializer, Immutable, Alias("triplegain.RollbackCheck")]
public sealed record RollbackCheck(
    [property: Id(0)] DateTime At,
    [property: Id(1)] decimal? PeakEquity,
    [property: Id(2)] decimal MaxDrawdown,
    [property: Id(3)] decimal DrawdownLimit,
    [property: Id(4)] IReadOnlyList<WeeklyReturn> Weeks,
    [property: Id(5)] int LongestLosingRun,
    [property: Id(6)] IReadOnlyList<StageTransition> Fired)
{
    [JsonIgnore]
    public bool Changed => Fired.Count > 0;
}
