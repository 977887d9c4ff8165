using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class TechnicalSignalClassifierTests
{
    [Theory]
    [InlineData(30.0, 30.0, 15.0, Trend.StrongUp)]
    [InlineData(25.01, 30.0, 15.0, Trend.StrongUp)]
    [InlineData(25.0, 30.0, 15.0, Trend.Up)] // strong needs ADX > 25
    [InlineData(30.0, 15.0, 30.0, Trend.Up)] // -DI leads: not strong
    [InlineData(20.0, 30.0, 15.0, Trend.Up)] // ADX 20 is not ranging
    [InlineData(19.99, 30.0, 15.0, Trend.Sideways)]
    public void ClassifyTrend_AlignedUp_DependsOnAdxAndDi(double adx, double plusDi, double minusDi, Trend expected) =>
        SignalClassifier.ClassifyTrend(Values(105, 104, 103, 100, adx: adx, plusDi: plusDi, minusDi: minusDi)).ShouldBe(expected);

    [Theory]
    [InlineData(30.0, 15.0, 30.0, Trend.StrongDown)]
    [InlineData(25.0, 15.0, 30.0, Trend.Down)]
    [InlineData(30.0, 30.0, 15.0, Trend.Down)]
    [InlineData(19.99, 15.0, 30.0, Trend.Sideways)]
    public void ClassifyTrend_AlignedDown_MirrorsUp(double adx, double plusDi, double minusDi, Trend expected) =>
        SignalClassifier.ClassifyTrend(Values(95, 96, 97, 100, adx: adx, plusDi: plusDi, minusDi: minusDi)).ShouldBe(expected);

    [Theory]
    [InlineData(100.0, 101.0, 99.0, 100.0)] // tangled
    [InlineData(104.0, 104.0, 103.0, 100.0)] // close equal to the fast EMA: not strictly aligned
    [InlineData(105.0, 104.0, 99.0, 100.0)] // mid below slow
    [InlineData(99.0, 104.0, 103.0, 100.0)] // close under the EMAs that point up
    public void ClassifyTrend_EmasNotAligned_IsSideways(double close, double fast, double mid, double slow) =>
        SignalClassifier.ClassifyTrend(Values(close, fast, mid, slow, adx: 40, plusDi: 30, minusDi: 10)).ShouldBe(Trend.Sideways);

    [Fact]
    public void ClassifyTrend_AdxWarmingUp_UsesAlignmentWithoutStrength()
    {
        SignalClassifier.ClassifyTrend(Values(105, 104, 103, 100)).ShouldBe(Trend.Up);
        SignalClassifier.ClassifyTrend(Values(95, 96, 97, 100)).ShouldBe(Trend.Down);
    }

    [Fact]
    public void ClassifyTrend_SlowEmaWarmingUp_IsUnknown() =>
        SignalClassifier.ClassifyTrend(Values(105, 104, 103, emaSlow: null, adx: 40, plusDi: 30, minusDi: 10)).ShouldBe(Trend.Unknown);

    [Theory]
    [InlineData(29.99, null, Momentum.Oversold)]
    [InlineData(29.99, 1.0, Momentum.Oversold)]
    [InlineData(30.0, null, Momentum.Bearish)]
    [InlineData(44.99, -0.1, Momentum.Bearish)]
    [InlineData(44.99, 0.1, Momentum.Neutral)] // MACD disagrees with RSI
    [InlineData(45.0, -0.1, Momentum.Neutral)]
    [InlineData(50.0, 1.0, Momentum.Neutral)]
    [InlineData(55.0, 0.1, Momentum.Neutral)]
    [InlineData(55.01, 0.1, Momentum.Bullish)]
    [InlineData(55.01, -0.1, Momentum.Neutral)] // MACD disagrees with RSI
    [InlineData(60.0, 0.0, Momentum.Bullish)]
    [InlineData(70.0, null, Momentum.Bullish)]
    [InlineData(70.01, -1.0, Momentum.Overbought)]
    public void ClassifyMomentum_RsiAndMacdHistogram_FollowThresholds(double rsi, double? histogram, Momentum expected) =>
        SignalClassifier.ClassifyMomentum(Values(rsi: rsi, macdHistogram: histogram)).ShouldBe(expected);

    [Fact]
    public void ClassifyMomentum_RsiWarmingUp_IsUnknown() =>
        SignalClassifier.ClassifyMomentum(Values(macdHistogram: 1)).ShouldBe(Momentum.Unknown);

    [Theory]
    [InlineData(0.2999, VolatilityRegime.Low)]
    [InlineData(0.3001, VolatilityRegime.Normal)]
    [InlineData(0.9999, VolatilityRegime.Normal)]
    [InlineData(1.0001, VolatilityRegime.High)]
    [InlineData(2.4999, VolatilityRegime.High)]
    [InlineData(2.5001, VolatilityRegime.Extreme)]
    public void ClassifyVolatility_OneHourAtrPercent_FollowsThresholds(double atrPct, VolatilityRegime expected) =>
        SignalClassifier.ClassifyVolatility(Values(close: 200, atr: atrPct * 2), Timeframe.H1).ShouldBe(expected);

    [Theory]
    [InlineData(Timeframe.H4, 0.5, VolatilityRegime.Low)] // 4h thresholds x2: 0.6 / 2 / 5
    [InlineData(Timeframe.H4, 4.0, VolatilityRegime.High)]
    [InlineData(Timeframe.D1, 3.0, VolatilityRegime.Normal)] // 1d thresholds x4.9: 1.47 / 4.9 / 12.2
    [InlineData(Timeframe.D1, 12.0, VolatilityRegime.High)]
    [InlineData(Timeframe.M1, 0.1, VolatilityRegime.Normal)] // 1m thresholds x0.129: 0.039 / 0.129 / 0.32
    [InlineData(Timeframe.M1, 0.3, VolatilityRegime.High)]
    [InlineData(Timeframe.M15, 0.3, VolatilityRegime.Normal)] // 15m thresholds x0.5: 0.15 / 0.5 / 1.25
    public void ClassifyVolatility_OtherTimeframes_ScaleThresholdsBySquareRootOfTime(Timeframe timeframe, double atrPct, VolatilityRegime expected) =>
        SignalClassifier.ClassifyVolatility(Values(close: 100, atr: atrPct), timeframe).ShouldBe(expected);

    [Fact]
    public void ClassifyVolatility_SameAtrPercent_IsCalmerOnLongerTimeframes()
    {
        var values = Values(close: 100, atr: 2.0);
        SignalClassifier.ClassifyVolatility(values, Timeframe.M5).ShouldBe(VolatilityRegime.Extreme);
        SignalClassifier.ClassifyVolatility(values, Timeframe.H1).ShouldBe(VolatilityRegime.High);
        SignalClassifier.ClassifyVolatility(values, Timeframe.D1).ShouldBe(VolatilityRegime.Normal);
    }

    [Fact]
    public void ClassifyVolatility_AtrWarmingUp_IsUnknown() =>
        SignalClassifier.ClassifyVolatility(Values(close: 100), Timeframe.H1).ShouldBe(VolatilityRegime.Unknown);

    [Fact]
    public void ClassifyVolatility_NonPositiveClose_IsUnknown() =>
        SignalClassifier.ClassifyVolatility(Values(close: 0, atr: 1), Timeframe.H1).ShouldBe(VolatilityRegime.Unknown);

    [Fact]
    public void TimeframeScale_KnownTimeframes_IsSquareRootOfHours()
    {
        SignalClassifier.TimeframeScale(Timeframe.H1).ShouldBe(1.0);
        SignalClassifier.TimeframeScale(Timeframe.H4).ShouldBe(2.0);
        SignalClassifier.TimeframeScale(Timeframe.M15).ShouldBe(0.5);
        SignalClassifier.TimeframeScale(Timeframe.D1).ShouldBe(Math.Sqrt(24), 1e-12);
    }

    [Fact]
    public void Classify_WarmingUpEverything_IsAllUnknown() =>
        SignalClassifier.Classify(Values(), Timeframe.H1).ShouldBe(new TechnicalSignals(Trend.Unknown, Momentum.Unknown, VolatilityRegime.Unknown));

    [Fact]
    public void Classify_BullishValues_CombinesTheThreeSignals() =>
        SignalClassifier.Classify(Bullish(atr: 0.5), Timeframe.H1).ShouldBe(new TechnicalSignals(Trend.StrongUp, Momentum.Bullish, VolatilityRegime.Normal));
}
