namespace TripleGain.Core.Metrics;

/// <summary>Which drawdown is "the largest" (freqtrade distinguishes both; see issue freqtrade#6655).</summary>
public enum DrawdownMeasure
{
    /// <summary>The deepest fall in percent of the running peak (the usual max drawdown; the report uses this).</summary>
    Relative = 0,

    /// <summary>The largest fall in USD from the running peak, whatever its percentage.</summary>
    Absolute = 1,
}
