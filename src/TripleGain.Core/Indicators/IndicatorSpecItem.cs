namespace TripleGain.Core.Indicators;

/// <summary>One item of an <see cref="IndicatorSpec"/>, e.g. <c>macd:12:26:9</c>: the indicator, its parameters (defaults filled in) and its output columns.</summary>
public sealed class IndicatorSpecItem
{
    private readonly Func<ColumnFiller> _create;

    internal IndicatorSpecItem(string text, string indicator, IReadOnlyList<double> parameters, IReadOnlyList<string> columns, Func<ColumnFiller> create)
    {
        Text = text;
        Indicator = indicator;
        Parameters = parameters;
        Columns = columns;
        _create = create;
    }

    /// <summary>The item as written in the spec.</summary>
    public string Text { get; }

    /// <summary>The indicator's short name: ema, sma, rsi, macd, roc, adx, atr, bb, kc, obv, vwap or vma.</summary>
    public string Indicator { get; }

    public IReadOnlyList<double> Parameters { get; }

    /// <summary>Output column names, e.g. <c>macd_12_26_9</c>, <c>macd_signal_12_26_9</c>, <c>macd_hist_12_26_9</c>.</summary>
    public IReadOnlyList<string> Columns { get; }

    internal ColumnFiller CreateFiller() => _create();
}
