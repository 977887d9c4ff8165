using TripleGain.Core.Agents;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class BaselineVotesTests
{
    [Theory]
    [InlineData(105.0, 104.0, 103.0, 100.0, 1)]
    [InlineData(95.0, 96.0, 97.0, 100.0, -1)]
    [InlineData(100.0, 101.0, 99.0, 100.0, 0)]
    [InlineData(103.5, 104.0, 103.0, 100.0, 0)] // close dipped under the fast EMA
    public void From_EmaAlignment_VotesDirection(double close, double fast, double mid, double slow, int expected) =>
        Vote(Values(close, fast, mid, slow, 55, 0.1, 30, 25, 20, 1)).Ema.ShouldBe(expected);

    [Theory]
    [InlineData(50.01, 1)]
    [InlineData(70.0, 1)]
    [InlineData(70.01, 0)] // overbought: no chase
    [InlineData(50.0, 0)]
    [InlineData(49.99, -1)]
    [InlineData(30.0, -1)]
    [InlineData(29.99, 0)] // oversold
    public void From_Rsi_VotesAroundTheMidline(double rsi, int expected) =>
        Vote(Values(100, 100, 100, 100, rsi, 0.1, 30, 25, 20, 1)).Rsi.ShouldBe(expected);

    [Theory]
    [InlineData(0.001, 1)]
    [InlineData(0.0, 0)]
    [InlineData(-0.001, -1)]
    public void From_MacdHistogram_VotesItsSign(double histogram, int expected) =>
        Vote(Values(100, 100, 100, 100, 50, histogram, 30, 25, 20, 1)).Macd.ShouldBe(expected);

    [Theory]
    [InlineData(20.01, 25.0, 20.0, 1)]
    [InlineData(20.01, 20.0, 25.0, -1)]
    [InlineData(20.0, 25.0, 20.0, 0)] // no trend at ADX 20
    [InlineData(40.0, 22.0, 22.0, 0)] // DIs level
    public void From_Adx_VotesDiDirectionOnlyInATrend(double adx, double plusDi, double minusDi, int expected) =>
        Vote(Values(100, 100, 100, 100, 50, 0, adx, plusDi, minusDi, 1)).Adx.ShouldBe(expected);

    [Fact]
    public void From_AnyVotingIndicatorWarmingUp_IsNull()
    {
        var full = Bullish();
        BaselineVotes.From(full).ShouldNotBeNull();
        BaselineVotes.From(full with { EmaSlow = null }).ShouldBeNull();
        BaselineVotes.From(full with { Rsi = null }).ShouldBeNull();
        BaselineVotes.From(full with { MacdHistogram = null }).ShouldBeNull();
        BaselineVotes.From(full with { Adx = null }).ShouldBeNull();
        BaselineVotes.From(full with { MinusDi = null }).ShouldBeNull();
    }

    [Fact]
    public void Net_SumsTheFourVotes()
    {
        new BaselineVotes(1, 1, -1, 1, 30).Net.ShouldBe(2);
        new BaselineVotes(-1, -1, -1, 0, 15).Net.ShouldBe(-3);
    }

    [Fact]
    public void Describe_NamesVotesAndValues()
    {
        var values = Bullish();

        Vote(values).Describe(values).ShouldBe("EMA +1, RSI 60.0 +1, MACD hist 0.5 +1, ADX 30.0 +1: net +4");
    }

    private static BaselineVotes Vote(TripleGain.Core.Indicators.IndicatorValues values) => BaselineVotes.From(values).ShouldNotBeNull();
}
