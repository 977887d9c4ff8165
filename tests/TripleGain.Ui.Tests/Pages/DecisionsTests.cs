using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using TripleGain.Grains.Operator;
using TripleGain.Journal;
using TripleGain.Silo.Components.Pages;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class DecisionsTests : UiContext
{
    [Fact]
    public void LiveUpdates_OnlyChangesThatBringDecisionsOrOrders_Requery()
    {
        var feed = new FakeDecisionFeed(Samples.Decisions(20));
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();
        var queries = feed.Queries.Count;

        Live.Raise(OperatorChangeKind.CycleStarted, "paper-7");
        Live.Raise(OperatorChangeKind.GateTicked);
        Live.Raise(OperatorChangeKind.StageChanged);
        feed.Queries.Count.ShouldBe(queries);

        Live.Raise(OperatorChangeKind.CycleCompleted, "paper-7");
        page.WaitForAssertion(() => feed.Queries.Count.ShouldBe(queries + 1));
        Live.Raise(OperatorChangeKind.ApprovalDecided);
        page.WaitForAssertion(() => feed.Queries.Count.ShouldBe(queries + 2));
    }

    [Fact]
    public void Render_ManyDecisions_ShowsNewestPageAndCount()
    {
        var feed = new FakeDecisionFeed(Samples.Decisions(120));
        Services.AddSingleton<IDecisionFeed>(feed);

        var page = RenderPage<Decisions>();

        var rows = page.FindAll("tr.decision-row");
        rows.Count.ShouldBe(DecisionFeed.PageSize);
        rows[0].GetAttribute("data-id").ShouldBe("120");
        page.Find("#decision-count").TextContent.ShouldBe("120 decisions match");
        page.Find("#page-newer").HasAttribute("disabled").ShouldBeTrue();
        page.Find("#page-older").HasAttribute("disabled").ShouldBeFalse();
        page.FindAll("#live-chip").Count.ShouldBe(1);
    }

    [Fact]
    public async Task Filter_ModelAndAction_QueriesTheJournalWithBoth()
    {
        var feed = new FakeDecisionFeed(Samples.Decisions(40));
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();

        var selects = page.FindComponents<MudSelect<string>>();
        await page.InvokeAsync(() => selects[0].Instance.ValueChanged.InvokeAsync("baseline"));
        await page.InvokeAsync(() => selects[2].Instance.ValueChanged.InvokeAsync(nameof(TradeAction.Hold)));

        var last = feed.Queries[^1];
        last.Filter.ModelId.ShouldBe("baseline");
        last.Filter.Action.ShouldBe(TradeAction.Hold);
        last.Request.OlderThan.ShouldBeNull();
        page.FindAll("tr.decision-row").Count.ShouldBe(10);
        page.Find("#decision-count").TextContent.ShouldBe("10 decisions match");
    }

    [Fact]
    public async Task Filter_PairAndParseStatus_QueriesTheJournalWithBoth()
    {
        var decisions = Samples.Decisions(12);
        decisions.Add(Samples.Decision(13, pair: Pair.XrpBtc, parse: ParseStatus.Failed, minutes: 13));
        var feed = new FakeDecisionFeed(decisions);
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();

        var selects = page.FindComponents<MudSelect<string>>();
        await page.InvokeAsync(() => selects[1].Instance.ValueChanged.InvokeAsync("XRP/BTC"));
        await page.InvokeAsync(() => selects[3].Instance.ValueChanged.InvokeAsync(nameof(ParseStatus.Failed)));

        feed.Queries[^1].Filter.Pair.ShouldBe(Pair.XrpBtc);
        feed.Queries[^1].Filter.ParseStatus.ShouldBe(ParseStatus.Failed);
        page.FindAll("tr.decision-row").Single().GetAttribute("data-id").ShouldBe("13");
    }

    [Fact]
    public void Older_ThenNewer_PagesByCursorAndPausesLiveUpdates()
    {
        var feed = new FakeDecisionFeed(Samples.Decisions(120));
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();

        page.Find("#page-older").Click();

        feed.Queries[^1].Request.OlderThan.ShouldNotBeNull().Id.ShouldBe(71);
        page.FindAll("tr.decision-row")[0].GetAttribute("data-id").ShouldBe("70");
        page.FindAll("#live-chip").ShouldBeEmpty();
        var queries = feed.Queries.Count;
        Live.Raise();
        feed.Queries.Count.ShouldBe(queries);

        page.Find("#page-newer").Click();

        page.FindAll("tr.decision-row")[0].GetAttribute("data-id").ShouldBe("120");
        page.FindAll("#live-chip").Count.ShouldBe(1);
    }

    [Fact]
    public void Older_ClickedWhileALiveUpdateLoads_IsNotLost()
    {
        var feed = new BlockingDecisionFeed(new FakeDecisionFeed(Samples.Decisions(120)));
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();
        feed.Blocking = true;
        Live.Raise();

        page.Find("#page-older").Click();
        feed.Release();

        page.WaitForAssertion(() => page.FindAll("tr.decision-row")[0].GetAttribute("data-id").ShouldBe("70"));
        page.FindAll("#live-chip").ShouldBeEmpty();
    }

    [Fact]
    public void LiveUpdate_OnNewestPage_ShowsNewDecisions()
    {
        var decisions = Samples.Decisions(5);
        var feed = new FakeDecisionFeed(decisions);
        Services.AddSingleton<IDecisionFeed>(feed);
        var page = RenderPage<Decisions>();
        page.FindAll("tr.decision-row").Count.ShouldBe(5);

        decisions.Add(Samples.Decision(6, minutes: 6));
        Live.Raise();

        page.WaitForAssertion(() => page.FindAll("tr.decision-row")[0].GetAttribute("data-id").ShouldBe("6"));
    }

    [Fact]
    public void RowClick_DecisionWithVerdictAndOrder_ShowsTheDetail()
    {
        var decision = Samples.Decision(7, reasoning: "trend up, RSI 55");
        var detail = new DecisionDetail(
            decision,
            new RiskVerdictRecord(RiskOutcome.Resized, "max_position", "resized to 5%", 5m, 75m, 0.0011m, 1m, 62000m, 66000m),
            [new OrderRecord("paper-7:baseline:BTC-USDT:0", 7, "paper:baseline", Pair.BtcUsdt, TripleGain.Core.Exchange.OrderSide.Buy,
                TripleGain.Core.Exchange.OrderType.Market, 0.0011m, null, 1m, OrderRecordStatus.Filled, "X1", Samples.Start, Samples.Start)]);
        Services.AddSingleton<IDecisionFeed>(new FakeDecisionFeed([decision], new Dictionary<long, DecisionDetail> { [7] = detail }));
        var page = RenderPage<Decisions>();

        page.Find("tr.decision-row").Click();

        page.Find("#detail-prompt").TextContent.ShouldContain("none (rule-based model)");
        page.Find("#detail-parsed").TextContent.ShouldContain("trend up, RSI 55");
        page.Find("#detail-verdict").TextContent.ShouldContain("Resized");
        page.Find("#detail-verdict").TextContent.ShouldContain("[max_position] resized to 5%");
        page.Find("#detail-orders").TextContent.ShouldContain("paper-7:baseline:BTC-USDT:0");
        page.Find("#detail-orders").TextContent.ShouldContain("Filled");
    }

    [Fact]
    public void RowClick_FailedParse_ShowsPromptRawOutputAndError()
    {
        var decision = Samples.Decision(9, parse: ParseStatus.Failed) with { PromptText = "You are a trading agent.\n\nBTC/USDT: close 64000, RSI(14) 55" };
        Services.AddSingleton<IDecisionFeed>(new FakeDecisionFeed([decision]));
        var page = RenderPage<Decisions>();

        page.Find("tr.decision-row").Click();

        page.Find("#detail-prompt").TextContent.ShouldBe("decision-v1 (template sha ab12)");
        page.Find("#detail-prompt-text").TextContent.ShouldBe("You are a trading agent.\n\nBTC/USDT: close 64000, RSI(14) 55");
        page.FindAll("#detail-prompt-text-missing").ShouldBeEmpty();
        page.Find("#detail-raw").TextContent.ShouldBe("not json at all");
        page.Find("#detail-parse-error").TextContent.ShouldContain("expected JSON object");
        page.Find("#detail-verdict").TextContent.ShouldContain("No verdict");
    }

    [Fact]
    public void RowClick_LlmDecisionWithoutJournalledPrompt_SaysThePromptWasNotKept()
    {
        var decision = Samples.Decision(11, parse: ParseStatus.Failed);
        Services.AddSingleton<IDecisionFeed>(new FakeDecisionFeed([decision]));
        var page = RenderPage<Decisions>();

        page.Find("tr.decision-row").Click();

        page.FindAll("#detail-prompt-text").ShouldBeEmpty();
        page.Find("#detail-prompt-text-missing").TextContent.ShouldContain("not journalled");
    }

    [Fact]
    public void Render_NoDecision_SaysNothingMatches()
    {
        Services.AddSingleton<IDecisionFeed>(new FakeDecisionFeed([]));

        var page = RenderPage<Decisions>();

        page.Find("#decisions-empty").TextContent.ShouldBe("No decision matches.");
        page.Find("#decision-count").TextContent.ShouldBe("0 decisions match");
    }
}
