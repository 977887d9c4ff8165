using System.Text.Json.Serialization;

namespace TripleGain.Core.Stages;

/// <summary>
/// The exit gate of one step of the ladder, <see cref="From"/> -> <see cref="To"/> (always the next position): automated
/// <see cref="Criteria"/> and <see cref="ManualItems"/> a person ticks. The seed's gates are in <see cref="PhaseGates"/>.
/// </summary>
public sealed record PhaseGate
{
    /// <summary>Creates a gate; throws when <paramref name="to"/> is not the step after <paramref name="from"/>, an id is blank or repeated, or a threshold is not finite.</summary>
    [JsonConstructor]
    public PhaseGate(string id, StagePosition from, StagePosition to, IReadOnlyList<GateCriterion> criteria, IReadOnlyList<ManualGateItem> manualItems)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentNullException.ThrowIfNull(manualItems);
        if (from.Next != to)
        {
            throw new ArgumentException($"Gate '{id}' goes from {from} to {to}, but the step after {from} is {from.Next?.ToString() ?? "none"}.", nameof(to));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var criterion in criteria)
        {
            ArgumentNullException.ThrowIfNull(criterion, nameof(criteria));
            if (string.IsNullOrWhiteSpace(criterion.Id) || !ids.Add(criterion.Id))
            {
                throw new ArgumentException($"Gate '{id}' has a blank or repeated criterion id '{criterion.Id}'.", nameof(criteria));
            }

            if (!double.IsFinite(criterion.Threshold) || !Enum.IsDefined(criterion.Metric) || !Enum.IsDefined(criterion.Comparison))
            {
                throw new ArgumentException($"Gate '{id}' criterion '{criterion.Id}' has metric {criterion.Metric}, comparison {criterion.Comparison}, threshold {criterion.Threshold}: all must be defined and finite.", nameof(criteria));
            }
        }

        foreach (var item in manualItems)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(manualItems));
            if (string.IsNullOrWhiteSpace(item.Id) || !ids.Add(item.Id))
            {
                throw new ArgumentException($"Gate '{id}' has a blank or repeated item id '{item.Id}'.", nameof(manualItems));
            }
        }

        Id = id;
        From = from;
        To = to;
        Criteria = criteria;
        ManualItems = manualItems;
    }

    /// <summary>"paper-to-micro-live".</summary>
    public string Id { get; }

    public StagePosition From { get; }

    public StagePosition To { get; }

    public IReadOnlyList<GateCriterion> Criteria { get; }

    public IReadOnlyList<ManualGateItem> ManualItems { get; }

    public bool Equals(PhaseGate? other) =>
        other is not null && Id == other.Id && From == other.From && To == other.To
        && Criteria.SequenceEqual(other.Criteria) && ManualItems.SequenceEqual(other.ManualItems);

    public override int GetHashCode() => HashCode.Combine(Id, From, To, Criteria.Count, ManualItems.Count);
}
