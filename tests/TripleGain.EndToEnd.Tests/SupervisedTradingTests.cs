using Microsoft.Playwright;
using TripleGain.EndToEnd.Tests.Support;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Stages;

namespace TripleGain.EndToEnd.Tests;

[Collection(SiloCollection.Name)]
public sealed class SupervisedTradingTests(SiloFixture fixture)
{
    private const string Account = SiloFixture.SupervisedAccount;

    [Fact]
    public async Task SupervisedStage_TradeQueued_ApprovedExecutesAndAnExpiredOneCannotBeApproved()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/approvals");
        await SiloFixture.WaitInteractiveAsync(page);

        // Phase 3 week 1: every trade of the account waits here (the live updates bring it without a reload). The baseline
        // asks to buy BTC/USDT at every decision (see SiloFixture.ReplayStart), so trades pile up, oldest first: the
        // newest, with the most time left, is approved; the oldest is left to expire.
        var rows = page.Locator("tr.approval-row");
        try
        {
            await rows.Nth(1).WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message}\n{await QueueStateAsync()}", ex);
        }

        var oldestId = long.Parse((await rows.First.GetAttributeAsync("data-id"))!, System.Globalization.CultureInfo.InvariantCulture);
        var id = await rows.Last.GetAttributeAsync("data-id");
        var newest = page.Locator($"tr.approval-row[data-id='{id}']");
        (await newest.InnerTextAsync()).ShouldContain(Account);
        (await newest.Locator(".countdown").InnerTextAsync()).ShouldContain("market");
        await Screenshots.SaveAsync(page, "06-approvals");

        await newest.Locator(".approve-button").ClickAsync();
        await page.FillAsync("#dialog-reason", "e2e: approved after reading the reasoning");
        await page.ClickAsync("#dialog-confirm");

        var approved = page.Locator($"tr.recent-row[data-id='{id}']");
        await approved.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        (await approved.GetAttributeAsync("data-status")).ShouldBe("Approved");
        (await approved.InnerTextAsync()).ShouldContain(SiloFixture.OperatorName);
        (await approved.InnerTextAsync()).ShouldContain("placed");

        // At 60x the oldest trade's 30 market minutes pass within 30 s; then it cannot be approved.
        var expired = page.Locator($"tr.recent-row[data-id='{oldestId}'][data-status='Expired']");
        await expired.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
        (await page.Locator($"tr.approval-row[data-id='{oldestId}']").CountAsync()).ShouldBe(0);
        await using (var check = await ClusterSetup.ConnectAsync(fixture.Silo))
        {
            var late = await check.Client.GetGrain<IApprovalQueueGrain>(Account).ApproveAsync(oldestId, "e2e-late", "too late");
            late.Outcome.ShouldBeOneOf(ApprovalOutcome.Expired, ApprovalOutcome.AlreadyDecided);
            late.Order.ShouldBeNull();
        }

        await Screenshots.SaveAsync(page, "06b-approvals-decided");
        await page.Context.CloseAsync();
    }

    /// <summary>For a failure: what the queue and the stage hold, and the end of the silo's log.</summary>
    private async Task<string> QueueStateAsync()
    {
        await using var check = await ClusterSetup.ConnectAsync(fixture.Silo);
        var queue = await check.Client.GetGrain<IApprovalQueueGrain>(Account).ListAsync();
        var stage = await check.Client.GetGrain<IStageGrain>(Account).GetAsync();
        var log = fixture.Silo.Output.Split('\n');
        return $"market time {queue.Now:O}; {Account}: {stage.Status.Position.Label}, halted: {stage.Rules.HaltReason ?? "no"}; " +
            $"pending {string.Join(", ", queue.Pending.Select(i => $"#{i.Id} {i.Side} {i.Pair} until {i.ExpiresAt:HH:mm}"))}; " +
            $"recent {string.Join(", ", queue.Recent.Take(10).Select(i => $"#{i.Id} {i.Status}"))}\nsilo log (end):\n" +
            string.Join('\n', log.Skip(Math.Max(0, log.Length - 60)));
    }

    [Fact]
    public async Task Gates_PaperAccount_TickIsJournalledAndPromoteStaysDisabledWhileGatesFail()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/gates");
        await SiloFixture.WaitInteractiveAsync(page);

        var card = page.Locator("#stage-paper-buy-and-hold");
        await card.WaitForAsync();
        (await card.Locator("tr.criterion[data-criterion='paper-days']").InnerTextAsync()).ShouldContain("Fail");
        (await card.Locator(".promote-button").IsDisabledAsync()).ShouldBeTrue();

        // A signed-in person ticks a checklist item with a note: journalled, shown with who and when.
        var item = card.Locator(".gate-checklist[data-gate='paper-to-micro-live'] tr.manual-item[data-item='incident-response-plan']");
        await item.Locator(".tick-button").ClickAsync();
        await page.FillAsync("#dialog-reason", "e2e: plan in docs/operations.md");
        await page.ClickAsync("#dialog-confirm");
        await Assertions.Expect(item).ToContainTextAsync("e2e: plan in docs/operations.md");
        (await item.InnerTextAsync()).ShouldContain(SiloFixture.OperatorName);
        (await item.Locator(".tick-button").CountAsync()).ShouldBe(0);
        (await card.Locator(".promote-button").IsDisabledAsync()).ShouldBeTrue();
        await Screenshots.SaveAsync(page, "07-gates");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task EmergencyStop_Confirmed_HaltsTradingAndSurvivesARestartUntilResumed()
    {
        var page = await fixture.SignedInPageAsync();

        await page.ClickAsync("#emergency-stop");
        await page.FillAsync("#dialog-reason", "e2e: emergency stop drill");
        await page.ClickAsync("#dialog-confirm");
        await page.Locator("#emergency-stopped").WaitForAsync();
        await Assertions.Expect(page.Locator("#overview-alerts")).ToContainTextAsync("Emergency stop active", new LocatorAssertionsToContainTextOptions { Timeout = 15_000 });
        await Screenshots.SaveAsync(page, "10-emergency-stopped");
        await using (var check = await ClusterSetup.ConnectAsync(fixture.Silo))
        {
            var view = await check.Client.GetGrain<IStageGrain>(SiloFixture.PaperAccount).GetAsync();
            view.Rules.TradingAllowed.ShouldBeFalse();
        }

        await fixture.RestartSiloAsync();
        await page.ReloadAsync();
        await SiloFixture.WaitInteractiveAsync(page);

        await page.Locator("#emergency-stopped").WaitForAsync();
        await using (var check = await ClusterSetup.ConnectAsync(fixture.Silo))
        {
            (await check.Client.GetGrain<IEmergencyStopGrain>(EmergencyStopKeys.Global).GetAsync()).IsStopped.ShouldBeTrue();
        }

        await page.ClickAsync("#emergency-resume");
        await page.FillAsync("#dialog-reason", "e2e: drill over");
        await page.ClickAsync("#dialog-confirm");
        await page.Locator("#emergency-stop").WaitForAsync();
        await using (var check = await ClusterSetup.ConnectAsync(fixture.Silo))
        {
            (await check.Client.GetGrain<IStageGrain>(SiloFixture.PaperAccount).GetAsync()).Rules.TradingAllowed.ShouldBeTrue();
        }

        await page.Context.CloseAsync();
    }
}
