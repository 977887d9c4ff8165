using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// A gate checked against live figures and ticks (<see cref="GateEvaluator.Evaluate"/>). It
/// <see cref="Passed"/> only when every criterion passes (an unknown value does not) and every manual item is ticked;
/// <see cref="Blockers"/> says what is missing. Pass it to <see cref="StageStatus.Promote"/>.
/// </summary>
public sealed record GateEvaluation(PhaseGate Gate, IReadOnlyList<CriterionResult> Criteria, IReadOnlyList<ManualItemResult> ManualItems)
{
    [JsonIgnore]
    public bool Passed => Criteria.All(c => c.Status == GateCheckStatus.Pass) && ManualItems.All(m => m.Ticked);

    /// <summary>One line per failing or unknown criterion and per unticked item, in gate order; empty when passed.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Blockers =>
    [
        .. Criteria.Where(c => c.Status != GateCheckStatus.Pass).Select(c => c.Detail),
        .. ManualItems.Where(m => !m.Ticked).Select(m => $"{m.Item.Id}: not ticked"),
    ];

    public bool Equals(GateEvaluation? other) =>
        other is not null && Gate.Equals(other.Gate) && Criteria.SequenceEqual(other.Criteria) && ManualItems.SequenceEqual(other.ManualItems);

    public override int GetHashCode() => HashCode.Combine(Gate, Criteria.Count, ManualItems.Count);
}
