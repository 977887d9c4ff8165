using Microsoft.Extensions.DependencyInjection;
using TripleGain.Grains.Stages;
using TripleGain.Silo.Components.Pages;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class ModelsTests : UiContext
{
    private static ModelRow Row(string id, int rank, bool benchmark, double ret) =>
        new(id, benchmark, true, rank, 0.5, 1000m, ret, 1.2, 1.5, 0.08, null, null, false, 12, 3, 9, 1, 0.25m, 0, 0, null);

    [Fact]
    public void Render_Comparison_ShowsEveryModelBenchmarksAndTheReason()
    {
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView(
            [Row("claude", 1, false, 0.05), Row("baseline", 2, true, 0.01), Row("buy-and-hold", 3, true, -0.02)],
            null,
            "no model beats buy-and-hold: the leader claude has P(better)=0.81 < 0.95")));

        var page = RenderPage<Models>();

        var rows = page.FindAll("tr.model-row");
        rows.Select(r => r.GetAttribute("data-model")).ShouldBe(["claude", "baseline", "buy-and-hold"]);
        rows[1].TextContent.ShouldContain("benchmark");
        rows[0].TextContent.ShouldContain("+5.00%");
        rows[0].TextContent.ShouldContain("100.0%");
        page.Find("#models-best").TextContent.ShouldContain("No best model yet: no model beats buy-and-hold");
    }

    [Fact]
    public void Render_BestNamed_MarksTheBestModel()
    {
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView(
            [Row("claude", 1, false, 0.05), Row("baseline", 2, true, 0.01)], "claude", "claude is best: eligible, ranked 1")));

        var page = RenderPage<Models>();

        page.Find("#models-best").TextContent.ShouldContain("Best model: claude.");
        page.FindAll("tr.model-row")[0].TextContent.ShouldContain("best");
    }

    [Fact]
    public void Render_PaperComparison_ShowsNoSingleTradingModel()
    {
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView([Row("baseline", 1, true, 0.01)], null, "too few days")));

        var page = RenderPage<Models>();

        page.FindAll("#models-trading").ShouldBeEmpty();
    }

    [Fact]
    public void Render_SingleAccountSwitched_ShowsTheTradingModelFallbackAndTheLastSwitch()
    {
        var at = new DateTime(2026, 3, 2, 0, 5, 0, DateTimeKind.Utc);
        var trading = new TradingModelView("live:main", "gpt", "qwen", Chosen: true, AutoSwitchEnabled: true,
            new AutoSwitchCheck(at, "claude", "gpt", true, "gpt is best: eligible, ranked 1"),
            new ModelChange("claude", "gpt", "system", "gpt is best: eligible, ranked 1", at, "$500 scale", 4));
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView(
            [Row("gpt", 1, false, 0.05), Row("claude", 2, false, 0.01)], "gpt", "gpt is best: eligible, ranked 1", trading)));

        var page = RenderPage<Models>();

        var text = page.Find("#models-trading").TextContent;
        text.ShouldContain("live:main is traded by gpt");
        text.ShouldContain("chosen by a model switch");
        text.ShouldContain("qwen stands in when it fails");
        text.ShouldContain("Automatic switching is on");
        page.Find("#models-switch-check").TextContent.ShouldContain("switched to gpt");
        page.Find("#models-last-change").TextContent.ShouldContain("by system: claude → gpt");
    }

    [Fact]
    public void Render_SingleAccountConfiguredModel_SaysSwitchingIsOffAndNoFallback()
    {
        var trading = new TradingModelView("paper:main", "claude", null, Chosen: false, AutoSwitchEnabled: false, null, null);
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView([Row("claude", 1, false, 0.05)], null, "too few days", trading)));

        var page = RenderPage<Models>();

        var text = page.Find("#models-trading").TextContent;
        text.ShouldContain("paper:main is traded by claude");
        text.ShouldContain("the first usable model of models.active_models");
        text.ShouldContain("no fallback model");
        text.ShouldContain("Automatic switching is off");
        page.FindAll("#models-switch-check").ShouldBeEmpty();
    }

    [Fact]
    public void TradeWith_SingleAccount_AsksForAReasonThenChoosesTheModelAsTheSignedInPerson()
    {
        var trading = new TradingModelView("live:main", "claude", "qwen", Chosen: false, AutoSwitchEnabled: false, null, null);
        var unavailable = Row("grok", 3, false, 0.0) with { Available = false };
        var source = new FakeModelComparison(new ModelComparisonView([Row("gpt", 1, false, 0.05), Row("claude", 2, false, 0.01), unavailable], "gpt", "gpt is best", trading));
        Services.AddSingleton<IModelComparison>(source);
        var page = RenderPage<Models>();

        page.Find("tr.model-row[data-model='claude'] .trading-chip").TextContent.ShouldBe("trading");
        page.FindAll("tr.model-row[data-model='claude'] .choose-button").ShouldBeEmpty();
        page.Find("tr.model-row[data-model='grok'] .choose-button").HasAttribute("disabled").ShouldBeTrue();

        page.Find("tr.model-row[data-model='gpt'] .choose-button").Click();
        ConfirmDialog("best on 30 days of paper trading, reviewed");

        page.WaitForAssertion(() => source.Choices.ShouldBe([("gpt", "alice", "best on 30 days of paper trading, reviewed")]));
    }

    [Fact]
    public void Render_PaperComparison_OffersNoModelChoice()
    {
        Services.AddSingleton<IModelComparison>(new FakeModelComparison(new ModelComparisonView([Row("claude", 1, false, 0.05)], null, "too few days")));

        var page = RenderPage<Models>();

        page.FindAll(".choose-button").ShouldBeEmpty();
    }
}
