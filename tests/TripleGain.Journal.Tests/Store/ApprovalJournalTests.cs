using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>The approval lifecycle, on each provider.</summary>
public abstract class ApprovalJournalTests(IJournalDatabases databases) : JournalTestBase(databases)
{
    private static ApprovalRequest Request(string clientOrderId = "tg-1", string account = "live", long? decisionId = null, int minutes = 15) =>
        new(clientOrderId, account, decisionId, Samples.T0, Samples.T0.AddMinutes(minutes));

    [Fact]
    public async Task CreateApprovalAsync_NewRequest_IsPendingAndListed()
    {
        var journal = await NewJournalAsync();
        var decisionId = (await journal.RecordDecisionAsync(Samples.Decision(), null, Cancel)).Value;

        var created = await journal.CreateApprovalAsync(Request(decisionId: decisionId), Cancel);

        created.AlreadyExisted.ShouldBeFalse();
        created.Value.ShouldBe(new ApprovalRecord(created.Value.Id, "tg-1", "live", decisionId, ApprovalStatus.Pending,
            Samples.T0, Samples.T0.AddMinutes(15), null, null, null));
        (await journal.PendingApprovalsAsync("live", Cancel)).ShouldBe([created.Value]);
        (await journal.PendingApprovalsAsync("other", Cancel)).ShouldBeEmpty();
        (await journal.GetApprovalAsync(created.Value.Id, Cancel)).ShouldBe(created.Value);
    }

    [Fact]
    public async Task CreateApprovalAsync_SameOrderTwice_ReturnsTheFirst()
    {
        var journal = await NewJournalAsync();
        var first = await journal.CreateApprovalAsync(Request(), Cancel);

        var second = await journal.CreateApprovalAsync(Request(minutes: 60), Cancel);

        second.ShouldBe(new Recorded<ApprovalRecord>(first.Value, AlreadyExisted: true));
    }

    [Fact]
    public async Task DecideApprovalAsync_PendingApproved_RecordsWhoWhenAndComment()
    {
        var journal = await NewJournalAsync();
        var approval = (await journal.CreateApprovalAsync(Request(), Cancel)).Value;
        var at = Samples.T0.AddMinutes(3);

        var result = await journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Approved, "alice", "Looks right; go.", at, Cancel);

        result.Outcome.ShouldBe(ApprovalDecisionOutcome.Decided);
        result.Approval.ShouldBe(approval with { Status = ApprovalStatus.Approved, DecidedAt = at, DecidedBy = "alice", Comment = "Looks right; go." });
        (await journal.GetApprovalAsync(approval.Id, Cancel)).ShouldBe(result.Approval);
        (await journal.PendingApprovalsAsync(null, Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DecideApprovalAsync_AlreadyRejected_ReportsItAndKeepsTheFirstDecision()
    {
        var journal = await NewJournalAsync();
        var approval = (await journal.CreateApprovalAsync(Request(), Cancel)).Value;
        var rejected = await journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Rejected, "bob", null, Samples.T0.AddMinutes(1), Cancel);

        var late = await journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Approved, "alice", "yes", Samples.T0.AddMinutes(2), Cancel);

        rejected.Outcome.ShouldBe(ApprovalDecisionOutcome.Decided);
        late.Outcome.ShouldBe(ApprovalDecisionOutcome.AlreadyDecided);
        late.Approval.ShouldBe(rejected.Approval);
        late.Approval!.DecidedBy.ShouldBe("bob");
    }

    [Fact]
    public async Task ExpireDueApprovalsAsync_SomeDue_ExpiresOnlyThoseAtTheirExpiryTime()
    {
        var journal = await NewJournalAsync();
        var due = (await journal.CreateApprovalAsync(Request("a", minutes: 5), Cancel)).Value;
        var dueExactlyNow = (await journal.CreateApprovalAsync(Request("b", minutes: 10), Cancel)).Value;
        var notDue = (await journal.CreateApprovalAsync(Request("c", minutes: 11), Cancel)).Value;

        var expired = await journal.ExpireDueApprovalsAsync(Samples.T0.AddMinutes(10), Cancel);

        expired.ShouldBe(
        [
            due with { Status = ApprovalStatus.Expired, DecidedAt = due.ExpiresAt },
            dueExactlyNow with { Status = ApprovalStatus.Expired, DecidedAt = dueExactlyNow.ExpiresAt },
        ]);
        (await journal.PendingApprovalsAsync(null, Cancel)).ShouldBe([notDue]);
        (await journal.ExpireDueApprovalsAsync(Samples.T0.AddMinutes(10), Cancel)).ShouldBeEmpty();
    }

    [Fact]
    public async Task DecideApprovalAsync_Expired_CannotBeApproved()
    {
        var journal = await NewJournalAsync();
        var approval = (await journal.CreateApprovalAsync(Request(minutes: 5), Cancel)).Value;
        await journal.ExpireDueApprovalsAsync(Samples.T0.AddMinutes(6), Cancel);

        var result = await journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Approved, "alice", "sorry, late", Samples.T0.AddMinutes(7), Cancel);

        result.Outcome.ShouldBe(ApprovalDecisionOutcome.Expired);
        result.Approval!.Status.ShouldBe(ApprovalStatus.Expired);
        result.Approval.DecidedBy.ShouldBeNull();
        result.Approval.Comment.ShouldBeNull();
    }

    [Fact]
    public async Task DecideApprovalAsync_PendingButPastItsExpiry_IsMarkedExpiredAndReportedSo()
    {
        var journal = await NewJournalAsync();
        var approval = (await journal.CreateApprovalAsync(Request(minutes: 5), Cancel)).Value;

        var result = await journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Approved, "alice", null, approval.ExpiresAt, Cancel);

        result.Outcome.ShouldBe(ApprovalDecisionOutcome.Expired);
        result.Approval.ShouldBe(approval with { Status = ApprovalStatus.Expired, DecidedAt = approval.ExpiresAt });
        (await journal.GetApprovalAsync(approval.Id, Cancel)).ShouldBe(result.Approval);
    }

    [Fact]
    public async Task DecideApprovalAsync_UnknownId_ReportsNotFound()
    {
        var journal = await NewJournalAsync();

        var result = await journal.DecideApprovalAsync(999, ApprovalStatus.Rejected, "alice", null, Samples.T0, Cancel);

        result.ShouldBe(new ApprovalDecision(ApprovalDecisionOutcome.NotFound, null));
    }

    [Fact]
    public async Task DecideApprovalAsync_BadInput_Throws()
    {
        var journal = await NewJournalAsync();
        var approval = (await journal.CreateApprovalAsync(Request(), Cancel)).Value;

        (await Should.ThrowAsync<ArgumentException>(() => journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Expired, "alice", null, Samples.T0, Cancel)))
            .Message.ShouldContain("Approved or Rejected (got Expired)");
        (await Should.ThrowAsync<ArgumentException>(() => journal.DecideApprovalAsync(approval.Id, ApprovalStatus.Approved, "", null, Samples.T0, Cancel)))
            .Message.ShouldContain("decidedBy must not be empty");
        (await journal.GetApprovalAsync(approval.Id, Cancel))!.Status.ShouldBe(ApprovalStatus.Pending);
    }

    [Fact]
    public async Task CreateApprovalAsync_ExpiryNotAfterRequest_Throws()
    {
        var journal = await NewJournalAsync();

        var error = await Should.ThrowAsync<ArgumentException>(() => journal.CreateApprovalAsync(Request(minutes: 0), Cancel));

        error.Message.ShouldContain("ApprovalRequest.ExpiresAt");
        (await journal.PendingApprovalsAsync(null, Cancel)).ShouldBeEmpty();
    }
}
