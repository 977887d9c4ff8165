using TripleGain.Core.Indicators;
using TripleGain.Core.Market;

namespace TripleGain.Core.Agents;

/// <summary>
/// Derives the words a prompt carries (<see cref="Trend"/>, <see cref="Momentum"/>, <see cref="VolatilityRegime"/>)
/// from the indicator values of one candle. Pure; every threshold is a named constant.
/// </summary>
/// <remarks>
/// <para><b>Trend</b> (EMA alignment and ADX): Unknown while an EMA is warming up. Sideways when ADX &lt; 20
/// (<see cref="AdxRangingBelow"/>) or the EMAs are tangled. Up when close &gt; EMA fast &gt; EMA mid &gt; EMA slow,
/// StrongUp when in addition ADX &gt; 25 (<see cref="AdxStrongAbove"/>) and +DI &gt; -DI; Down/StrongDown mirror it.
/// While ADX warms up, alignment alone decides (never Strong).</para>
/// <para><b>Momentum</b> (RSI, with the MACD histogram as a check): Unknown while RSI warms up. RSI &lt; 30 Oversold,
/// RSI &gt; 70 Overbought, 45..55 Neutral; above 55 Bullish and below 45 Bearish unless the MACD histogram has the
/// opposite sign, in which case the two disagree and it is Neutral.</para>
/// <para><b>Volatility</b> (ATR as % of close): thresholds are set for 1h candles (&lt; 0.3% Low, &lt; 1% Normal,
/// &lt; 2.5% High, else Extreme) and scaled by the square root of the timeframe's length in hours (a random walk's
/// range grows with the square root of time): x0.13 at 1m, x0.29 at 5m, x0.5 at 15m, x2 at 4h, x4.9 at 1d.
/// Unknown while ATR warms up.</para>
/// </remarks>
public static class SignalClassifier
{
    /// <summary>ADX below this: no trend (Sideways).</summary>
    public const double AdxRangingBelow = 20;

    /// <summary>ADX above this (with +DI/-DI agreeing): a strong trend.</summary>
    public const double AdxStrongAbove = 25;

    public const double RsiOversoldBelow = 30;
    public const double RsiOverboughtAbove = 70;
    public const double RsiNeutralLow = 45;
    public const double RsiNeutralHigh = 55;

    /// <summary>ATR % of close below which 1h volatility is Low.</summary>
    public const double AtrPctLowBelow1h = 0.3;

    /// <summary>ATR % of close below which 1h volatility is Normal.</summary>
    public const double AtrPctNormalBelow1h = 1.0;

    /// <summary>ATR % of close below which 1h volatility is High; at or above it Extreme.</summary>
    public const double AtrPctHighBelow1h = 2.5;

    public static TechnicalSignals Classify(IndicatorValues values, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new TechnicalSignals(ClassifyTrend(values), ClassifyMomentum(values), ClassifyVolatility(values, timeframe));
    }

    public static Trend ClassifyTrend(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.EmaFast is not { } fast || values.EmaMid is not { } mid || values.EmaSlow is not { } slow)
        {
            return Trend.Unknown;
        }

        if (values.Adx is { } adx && adx < AdxRangingBelow)
        {
            return Trend.Sideways;
        }

        var close = values.Close;
        var up = close > fast && fast > mid && mid > slow;
        var down = close < fast && fast < mid && mid < slow;
        if (!up && !down)
        {
            return Trend.Sideways;
        }

        var strong = values.Adx is { } strength && strength > AdxStrongAbove
            && values.PlusDi is { } plusDi && values.MinusDi is { } minusDi
            && (up ? plusDi > minusDi : minusDi > plusDi);
        return (up, strong) switch
        {
            (true, true) => Trend.StrongUp,
            (true, false) => Trend.Up,
            (false, true) => Trend.StrongDown,
            (false, false) => Trend.Down,
        };
    }

    public static Momentum ClassifyMomentum(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Rsi is not { } rsi)
        {
            return Momentum.Unknown;
        }

        if (rsi < RsiOversoldBelow)
        {
            return Momentum.Oversold;
        }

        if (rsi > RsiOverboughtAbove)
        {
            return Momentum.Overbought;
        }

        var histogram = values.MacdHistogram;
        if (rsi > RsiNeutralHigh)
        {
            return histogram < 0 ? Momentum.Neutral : Momentum.Bullish;
        }

        if (rsi < RsiNeutralLow)
        {
            return histogram > 0 ? Momentum.Neutral : Momentum.Bearish;
        }

        return Momentum.Neutral;
    }

    public static VolatilityRegime ClassifyVolatility(IndicatorValues values, Timeframe timeframe)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Atr is not { } atr || !(values.Close > 0) || !double.IsFinite(atr))
        {
            return VolatilityRegime.Unknown;
        }

        var atrPct = atr / values.Close * 100;
        var scale = TimeframeScale(timeframe);
        return atrPct < AtrPctLowBelow1h * scale ? VolatilityRegime.Low
            : atrPct < AtrPctNormalBelow1h * scale ? VolatilityRegime.Normal
            : atrPct < AtrPctHighBelow1h * scale ? VolatilityRegime.High
            : VolatilityRegime.Extreme;
    }

    /// <summary>The factor applied to the 1h ATR% thresholds: sqrt(timeframe length / 1 hour).</summary>
    public static double TimeframeScale(Timeframe timeframe) =>
        (int)timeframe > 0 ? Math.Sqrt((int)timeframe / 60.0) : throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Unknown timeframe.");
}
