using Microsoft.Playwright;
using TripleGain.EndToEnd.Tests.Support;

namespace TripleGain.EndToEnd.Tests;

[Collection(SiloCollection.Name)]
public sealed class PageTests(SiloFixture fixture)
{
    [Fact]
    public async Task Overview_SignedIn_ShowsTradingAndUpdatesWithoutReload()
    {
        var page = await fixture.SignedInPageAsync();

        await page.Locator("#overview-equity-chart").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        var stage = await page.Locator("#overview-stage").InnerTextAsync();
        stage.ShouldContain("paper:baseline: phase 3 micro-live $100");
        stage.ShouldContain("paper:buy-and-hold: phase 2 paper trading");
        (await page.Locator("#overview-accounts").InnerTextAsync()).ShouldContain("paper:baseline");
        (await page.Locator("#overview-prices").InnerTextAsync()).ShouldContain("BTC/USDT");
        var before = await page.Locator("#overview-market-time").InnerTextAsync();
        var navigations = 0;
        page.FrameNavigated += (_, _) => navigations++;

        // The market clock runs 60x: a cycle completes every second and the page follows it by itself.
        await Assertions.Expect(page.Locator("#overview-market-time")).Not.ToHaveTextAsync(before, new LocatorAssertionsToHaveTextOptions { Timeout = 20_000 });

        navigations.ShouldBe(0);
        await Screenshots.SaveAsync(page, "03-overview");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Decisions_SignedIn_ListsJournalledDecisionsAndShowsADetail()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/decisions");
        await SiloFixture.WaitInteractiveAsync(page);

        await page.Locator("tr.decision-row").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        (await page.Locator("#decision-count").InnerTextAsync()).ShouldEndWith("decisions match");
        await page.Locator("tr.decision-row").First.ClickAsync();
        await page.Locator("#decision-detail").WaitForAsync();

        (await page.Locator("#detail-prompt").InnerTextAsync()).ShouldNotBeEmpty();
        (await page.Locator("#detail-verdict").InnerTextAsync()).ShouldNotBeEmpty();
        await Screenshots.SaveAsync(page, "04-decisions");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Models_SignedIn_ComparesTheModelsAndBenchmarks()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/models");
        await SiloFixture.WaitInteractiveAsync(page);

        await page.Locator("tr.model-row[data-model='baseline']").WaitForAsync();
        await page.Locator("tr.model-row[data-model='buy-and-hold']").WaitForAsync();
        (await page.Locator("#models-best").InnerTextAsync()).ShouldNotBeEmpty();
        await Screenshots.SaveAsync(page, "05-models");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Dashboard_SignedIn_ShowsTheOrleansDashboard()
    {
        var page = await fixture.SignedInPageAsync();

        var response = await page.GotoAsync("/dashboard/");

        response.ShouldNotBeNull().Status.ShouldBe(200);
        page.Url.ShouldEndWith("/dashboard/");
        (await page.ContentAsync()).ShouldContain("index.min.js");
        var counters = await page.APIRequest.GetAsync("/dashboard/DashboardCounters");
        counters.Status.ShouldBe(200);
        var trace = await page.APIRequest.GetAsync("/dashboard/Trace");
        trace.Status.ShouldBe(403);
        try
        {
            // Only so the screenshot shows the rendered dashboard: it polls every second, so the network may never idle.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
        }

        await Screenshots.SaveAsync(page, "08-dashboard");
        await page.Context.CloseAsync();
    }
}
