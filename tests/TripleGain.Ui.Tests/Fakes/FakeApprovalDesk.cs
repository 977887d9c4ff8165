using TripleGain.Silo.Services;

namespace TripleGain.Ui.Tests.Fakes;

public sealed class FakeApprovalDesk : IApprovalDesk
{
    public ApprovalsView View { get; set; } = new(Samples.Start, 60, [], []);

    public DeskResult Answer { get; set; } = DeskResult.Done("Approved: order placed.");

    public List<string> Actions { get; } = [];

    public Task<ApprovalsView> ReadAsync(CancellationToken cancellationToken = default) => Task.FromResult(View);

    public Task<DeskResult> ApproveAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default)
    {
        Actions.Add($"approve {accountId} #{approvalId} by {by}: {comment}");
        return Task.FromResult(Answer);
    }

    public Task<DeskResult> RejectAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default)
    {
        Actions.Add($"reject {accountId} #{approvalId} by {by}: {comment}");
        return Task.FromResult(Answer);
    }
}
