using ScottPlot;
using TripleGain.Core.Backtesting;

namespace TripleGain.Cli.Commands;

/// <summary>equity.png: the equity curve (USD) over a drawdown panel (% below the running peak), sharing the time axis.</summary>
internal static class EquityChart
{
    public const int Width = 1200;
    public const int Height = 800;

    public static void Save(string path, BacktestResult result, double[] drawdowns)
    {
        var times = new double[result.Equity.Count];
        var equity = new double[result.Equity.Count];
        var depth = new double[result.Equity.Count];
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = result.Equity[i].Timestamp.ToOADate();
            equity[i] = (double)result.Equity[i].Equity;
            depth[i] = -drawdowns[i];
        }

        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        var top = multiplot.GetPlot(0);
        var bottom = multiplot.GetPlot(1);

        var curve = top.Add.ScatterLine(times, equity);
        curve.LineWidth = 1.5f;
        top.Axes.DateTimeTicksBottom();
        top.Title($"{result.ModelId}: {string.Join(", ", result.Pairs)}, {result.Options.From:yyyy-MM-dd} .. {result.Options.To:yyyy-MM-dd}");
        top.YLabel("equity (USD)");

        var fall = bottom.Add.ScatterLine(times, depth);
        fall.LineWidth = 1f;
        fall.Color = Colors.Red;
        fall.FillY = true;
        fall.FillYColor = Colors.Red.WithAlpha(0.3);
        bottom.Axes.DateTimeTicksBottom();
        bottom.YLabel("drawdown (%)");
        bottom.Axes.SetLimitsY(Math.Min(-1, depth.Min() * 1.1), 0);

        multiplot.SharedAxes.ShareX([top, bottom]);
        multiplot.SavePng(path, Width, Height);
    }
}
