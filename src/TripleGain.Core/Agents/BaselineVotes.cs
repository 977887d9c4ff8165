using System.Globalization;
using TripleGain.Core.Indicators;

namespace TripleGain.Core.Agents;

/// <summary>
/// The four votes of the <see cref="BaselineModel"/> on one candle, each +1 (bullish), -1 (bearish) or 0:
/// <list type="bullet">
/// <item><b>Ema</b>: +1 when close &gt; EMA fast &gt; EMA mid &gt; EMA slow, -1 for the mirror, else 0.</item>
/// <item><b>Rsi</b>: +1 when 50 &lt; RSI &lt;= 70, -1 when 30 &lt;= RSI &lt; 50; 0 at 50 and beyond 30/70
/// (overbought or oversold: the model does not chase an exhausted move).</item>
/// <item><b>Macd</b>: the sign of the MACD histogram (MACD above its signal line is +1).</item>
/// <item><b>Adx</b>: when ADX &gt; 20 (a trend exists), +1 if +DI &gt; -DI and -1 if -DI &gt; +DI; else 0.</item>
/// </list>
/// </summary>
public sealed record BaselineVotes(int Ema, int Rsi, int Macd, int Adx, double AdxValue)
{
    public const double RsiMidline = 50;
    public const double RsiOverbought = 70;
    public const double RsiOversold = 30;

    /// <summary>ADX must exceed this for the ADX vote to count and for the model to open a position.</summary>
    public const double AdxTrendThreshold = 20;

    /// <summary>The sum of the four votes, -4..+4.</summary>
    public int Net => Ema + Rsi + Macd + Adx;

    /// <summary>ADX confirms that the market trends (ADX &gt; <see cref="AdxTrendThreshold"/>).</summary>
    public bool TrendConfirmed => AdxValue > AdxTrendThreshold;

    /// <summary>The votes, or null while an indicator they need is still warming up.</summary>
    public static BaselineVotes? From(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.EmaFast is not { } fast || values.EmaMid is not { } mid || values.EmaSlow is not { } slow
            || values.Rsi is not { } rsi || values.MacdHistogram is not { } histogram
            || values.Adx is not { } adx || values.PlusDi is not { } plusDi || values.MinusDi is not { } minusDi)
        {
            return null;
        }

        var close = values.Close;
        var ema = close > fast && fast > mid && mid > slow ? 1
            : close < fast && fast < mid && mid < slow ? -1
            : 0;
        var rsiVote = rsi > RsiMidline && rsi <= RsiOverbought ? 1
            : rsi < RsiMidline && rsi >= RsiOversold ? -1
            : 0;
        var macd = Math.Sign(histogram);
        var adxVote = adx > AdxTrendThreshold ? Math.Sign(plusDi - minusDi) : 0;
        return new BaselineVotes(ema, rsiVote, macd, adxVote, adx);
    }

    /// <summary>"EMA +1, RSI 58.2 +1, MACD hist 12.3 +1, ADX 27.4 +1: net +4".</summary>
    public string Describe(IndicatorValues values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return string.Create(CultureInfo.InvariantCulture,
            $"EMA {Signed(Ema)}, RSI {values.Rsi:0.0} {Signed(Rsi)}, MACD hist {values.MacdHistogram:G4} {Signed(Macd)}, ADX {AdxValue:0.0} {Signed(Adx)}: net {Signed(Net)}");
    }

    private static string Signed(int vote) => vote > 0 ? $"+{vote}" : vote.ToString(CultureInfo.InvariantCulture);
}
