using TripleGain.Core.Metrics;

namespace TripleGain.Core.Tests.Metrics;

public class DrawdownsTests
{
    private static readonly DateTime T0 = new(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);

    private static EquityPoint[] Curve(params decimal[] values) =>
        [.. values.Select((v, i) => new EquityPoint(T0.AddHours(i), v))];

    [Fact]
    public void Max_RisingCurve_IsNull() => Drawdowns.Max(Curve(100m, 100m, 101m, 150m)).ShouldBeNull();

    [Fact]
    public void Max_FirstPointIsFirstPeak_CountsAnImmediateLoss()
    {
        var drawdown = Drawdowns.Max(Curve(100m, 80m, 90m)).ShouldNotBeNull();

        (drawdown.PeakTime, drawdown.PeakEquity, drawdown.TroughEquity).ShouldBe((T0, 100m, 80m));
        drawdown.Depth.ShouldBe(0.2);
        drawdown.RecoveryTime.ShouldBeNull();
    }

    [Fact]
    public void Max_PlateauAtPeak_PeakTimeIsLastTimeAtThePeak()
    {
        var drawdown = Drawdowns.Max(Curve(100m, 120m, 120m, 120m, 90m, 120m)).ShouldNotBeNull();

        drawdown.PeakTime.ShouldBe(T0.AddHours(3));
        drawdown.TroughTime.ShouldBe(T0.AddHours(4));
        drawdown.RecoveryTime.ShouldBe(T0.AddHours(5)); // back at the peak counts as recovered
    }

    [Fact]
    public void Max_RelativeAndAbsolute_PickDifferentEpisodes()
    {
        // 100 -> 50 (50 %, 50 USD), then 1000 -> 800 (20 %, 200 USD)
        var curve = Curve(100m, 50m, 1000m, 800m);

        var relative = Drawdowns.Max(curve).ShouldNotBeNull();
        var absolute = Drawdowns.Max(curve, DrawdownMeasure.Absolute).ShouldNotBeNull();

        (relative.Depth, relative.AmountUsd, relative.RecoveryTime).ShouldBe((0.5, 50m, T0.AddHours(2)));
        (absolute.Depth, absolute.AmountUsd, absolute.RecoveryTime).ShouldBe((0.2, 200m, (DateTime?)null));
    }

    [Fact]
    public void Max_EqualDepths_ReportsTheFirst()
    {
        var drawdown = Drawdowns.Max(Curve(100m, 90m, 100m, 90m)).ShouldNotBeNull();

        drawdown.TroughTime.ShouldBe(T0.AddHours(1));
    }

    [Fact]
    public void Max_MatchesReturnsMaxDrawdownOfTheCurvesReturns()
    {
        var curve = Curve(1000m, 1100m, 990m, 1200m, 840m, 900m);
        var returns = curve.Skip(1).Select((p, i) => (double)(p.Equity / curve[i].Equity) - 1).ToArray();

        Drawdowns.Max(curve).ShouldNotBeNull().Depth.ShouldBe(Returns.MaxDrawdown(returns), 1e-15);
    }
}
