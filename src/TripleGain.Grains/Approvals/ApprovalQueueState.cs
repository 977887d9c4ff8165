namespace TripleGain.Grains.Approvals;

/// <summary>An approval queue's persisted state: every pending item and the most recent decided ones.</summary>
[GenerateSerializer, Alias("triplegain.ApprovalQueueState")]
public sealed record ApprovalQueueState
{
    [Id(0)] public IReadOnlyList<ApprovalItem> Items { get; init; } = [];
}
