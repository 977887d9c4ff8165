using Microsoft.Extensions.DependencyInjection;
using TripleGain.Core.Stages;
using TripleGain.Silo.Components.Pages;
using TripleGain.Silo.Services;
using TripleGain.Ui.Tests.Fakes;

namespace TripleGain.Ui.Tests.Pages;

public sealed class OverviewTests : UiContext
{
    [Fact]
    public void Render_Snapshot_ShowsStageModePricesAccountsAndCycle()
    {
        Services.AddSingleton<ITradingOverview>(new FakeTradingOverview(Samples.Overview()));

        var page = RenderPage<Overview>();

        page.Find("#overview-stage").TextContent.ShouldBe("phase 2 paper trading");
        page.Find("#overview-mode").TextContent.ShouldContain("paper");
        page.Find("#overview-prices").TextContent.ShouldContain("BTC/USDT");
        page.Find("#overview-prices").TextContent.ShouldContain("64123.5");
        page.Find("#overview-prices").TextContent.ShouldContain("+1.20%");
        var accounts = page.Find("#overview-accounts").TextContent;
        accounts.ShouldContain("paper:baseline");
        accounts.ShouldContain("$1,530.00");
        accounts.ShouldContain("+$30.00");
        accounts.ShouldContain("-$20.00");
        page.Find("#overview-last-cycle").TextContent.ShouldBe("2026-03-02 14:00:00 UTC");
        page.FindAll("#overview-equity-chart").Count.ShouldBe(1);
        page.FindAll("#overview-alerts").ShouldBeEmpty();
    }

    [Fact]
    public void Render_Alerts_ShowsEachAlert()
    {
        Services.AddSingleton<ITradingOverview>(new FakeTradingOverview(Samples.Overview(
            new OperatorAlert(AlertLevel.Error, "Emergency stop active since 2026-03-02 by alice: test"),
            new OperatorAlert(AlertLevel.Warning, "2 trade(s) wait for approval"))));

        var page = RenderPage<Overview>();

        var alerts = page.Find("#overview-alerts").TextContent;
        alerts.ShouldContain("Emergency stop active");
        alerts.ShouldContain("2 trade(s) wait for approval");
    }

    [Fact]
    public void Render_NoEquityYet_SaysSoInsteadOfAChart()
    {
        var empty = Samples.Overview() with { Accounts = [new AccountSummary("paper:baseline", "baseline", null, null, null, null, null, null, [])] };
        Services.AddSingleton<ITradingOverview>(new FakeTradingOverview(empty));

        var page = RenderPage<Overview>();

        page.Find("#overview-no-equity").TextContent.ShouldContain("No equity snapshot yet");
        page.Find("#overview-accounts").TextContent.ShouldContain("—");
    }

    [Fact]
    public void LiveUpdate_NewSnapshot_ReRendersWithoutReload()
    {
        var source = new FakeTradingOverview(Samples.Overview());
        Services.AddSingleton<ITradingOverview>(source);
        var page = RenderPage<Overview>();
        page.Find("#overview-stage").TextContent.ShouldBe("phase 2 paper trading");

        source.Snapshot = source.Snapshot with { Stage = StagePosition.MicroLive100.Label };
        Live.Raise();

        page.WaitForAssertion(() => page.Find("#overview-stage").TextContent.ShouldBe("phase 3 micro-live $100"));
        source.Reads.ShouldBe(2);
    }

    [Fact]
    public void Dispose_Page_UnsubscribesFromLiveUpdates()
    {
        Services.AddSingleton<ITradingOverview>(new FakeTradingOverview(Samples.Overview()));
        var page = RenderPage<Overview>();
        Live.Subscribers.ShouldBe(1);

        page.Instance.Dispose();

        Live.Subscribers.ShouldBe(0);
    }

    [Fact]
    public void BuildChart_AccountsWithDifferentTimes_AlignsOnTheLongestCurve()
    {
        var a = Samples.Account("baseline", 100m, 120m);
        var late = a with
        {
            ModelId = "late",
            Curve = [new(Samples.Start.AddHours(1), 50m), new(Samples.Start.AddHours(2), 60m)],
        };
        var full = a with
        {
            Curve = [new(Samples.Start, 100m), new(Samples.Start.AddMinutes(30), 105m), new(Samples.Start.AddHours(1), 110m), new(Samples.Start.AddHours(2), 120m)],
        };

        var (series, labels) = Overview.BuildChart([late, full]);

        labels.Length.ShouldBe(4);
        series.Count.ShouldBe(2);
        series[1].Data.Values.ShouldBe([100, 105, 110, 120]);
        // Before its first snapshot the late account shows its first value; afterwards the last value at or before each time.
        series[0].Data.Values.ShouldBe([50, 50, 50, 60]);
    }

    [Fact]
    public void Downsample_ManyPoints_KeepsFirstLastAndCount()
    {
        var points = Enumerable.Range(0, 1000).Select(i => new TripleGain.Core.Metrics.EquityPoint(Samples.Start.AddMinutes(i), i)).ToList();

        var kept = TradingOverview.Downsample(points, 240);

        kept.Count.ShouldBe(240);
        kept[0].ShouldBe(points[0]);
        kept[^1].ShouldBe(points[^1]);
        TradingOverview.Downsample(points.Take(10).ToList(), 240).Count.ShouldBe(10);
    }
}
