using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Silo.Components.Pages;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class ApprovalsTests : UiContext
{
    private FakeTimeProvider? clock;

    private static ApprovalRow Pending(long id, DateTime expires) =>
        new(id, "paper:baseline", "baseline", Pair.BtcUsdt, OrderSide.Buy, 0.0007m, 45.5m, 65000m, 65100m,
            "trend up on 1h and 4h", "Resized", "requested 107 USDT exceeds the single-order cap 50", "phase 3 week 1: every trade", Samples.Start, expires, "Pending", null, null, null, null, null);

    [Fact]
    public void Render_PendingTrade_ShowsTradePricesVerdictReasoningAndCountdown()
    {
        // 30 market minutes at 60x: 30 real seconds.
        Approvals.View = new ApprovalsView(Samples.Start, 60, [Pending(7, Samples.Start.AddMinutes(30))], []);

        var page = RenderPage<Approvals>(Samples.Start);

        var row = page.Find("tr.approval-row[data-id='7']");
        row.TextContent.ShouldContain("Buy");
        row.TextContent.ShouldContain("0.0007 BTC/USDT");
        row.TextContent.ShouldContain("$45.50");
        row.TextContent.ShouldContain("65000 → 65100");
        row.TextContent.ShouldContain("phase 3 week 1: every trade");
        row.TextContent.ShouldContain("trend up on 1h and 4h");
        row.TextContent.ShouldContain("Resized");
        row.TextContent.ShouldContain("Risk: requested 107 USDT exceeds the single-order cap 50");
        row.QuerySelector(".countdown")!.TextContent.ShouldBe("0:30 (30:00 market)");
        row.QuerySelector(".approve-button")!.HasAttribute("disabled").ShouldBeFalse();
    }

    [Fact]
    public void Approve_WithComment_CallsTheDeskAsTheSignedInPerson()
    {
        Approvals.View = new ApprovalsView(Samples.Start, 60, [Pending(7, Samples.Start.AddMinutes(30))], []);
        var page = RenderPage<Approvals>(Samples.Start);

        page.Find(".approve-button").Click();
        ConfirmDialog("looks right");

        page.WaitForAssertion(() => Approvals.Actions.ShouldBe(["approve paper:baseline #7 by alice: looks right"]));
    }

    [Fact]
    public void Approve_RefusedByTheRiskCheck_ShowsWhy()
    {
        Approvals.View = new ApprovalsView(Samples.Start, 60, [Pending(7, Samples.Start.AddMinutes(30))], []);
        Approvals.Answer = DeskResult.Refused("Refused at the current price: max_position: position would exceed 25%");
        var page = RenderPage<Approvals>(Samples.Start);

        page.Find(".approve-button").Click();
        ConfirmDialog(string.Empty);

        var host = Host!;
        host.WaitForAssertion(() => host.Markup.ShouldContain("Refused at the current price: max_position"));
    }

    [Fact]
    public void Reject_NeedsAComment()
    {
        Approvals.View = new ApprovalsView(Samples.Start, 60, [Pending(7, Samples.Start.AddMinutes(30))], []);
        var page = RenderPage<Approvals>(Samples.Start);

        page.Find(".reject-button").Click();
        var host = Host!;
        host.WaitForAssertion(() => host.Find("#dialog-confirm").HasAttribute("disabled").ShouldBeTrue());
        ConfirmDialog("too large for week 1");

        page.WaitForAssertion(() => Approvals.Actions.ShouldBe(["reject paper:baseline #7 by alice: too large for week 1"]));
    }

    [Fact]
    public void Render_ExpiredTrade_CannotBeApproved()
    {
        Approvals.View = new ApprovalsView(Samples.Start, 60, [Pending(7, Samples.Start.AddMinutes(30))], []);

        var page = RenderPage<Approvals>(Samples.Start);
        page.Find("tr.approval-row[data-id='7'] .countdown").TextContent.ShouldBe("0:30 (30:00 market)");

        // 31 real seconds later at 60x: 31 market minutes, past the expiry.
        clock!.Advance(TimeSpan.FromSeconds(31));
        page.Render();

        var row = page.Find("tr.approval-row[data-id='7']");
        row.QuerySelector(".countdown")!.TextContent.ShouldBe("expired");
        row.QuerySelector(".approve-button")!.HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public void Render_DecidedTrades_ShowWhoWhenAndOutcome()
    {
        var decided = Pending(5, Samples.Start.AddMinutes(30)) with
        {
            Status = "Approved", DecidedBy = "bob", DecidedAt = Samples.Start.AddMinutes(3), Comment = "ok", Outcome = "order placed",
        };
        Approvals.View = new ApprovalsView(Samples.Start, 60, [], [decided]);

        var page = RenderPage<Approvals>(Samples.Start);

        page.Find("#approvals-empty").TextContent.ShouldContain("No trade waits for approval");
        var row = page.Find("tr.recent-row[data-id='5']");
        row.GetAttribute("data-status").ShouldBe("Approved");
        row.TextContent.ShouldContain("bob");
        row.TextContent.ShouldContain("order placed");
    }

    private IRenderedComponent<Approvals> RenderPage<TPage>(DateTime realNow)
        where TPage : Approvals
    {
        clock = new FakeTimeProvider(new DateTimeOffset(realNow));
        Services.AddSingleton<TimeProvider>(clock);
        return RenderPage<Approvals>();
    }
}
