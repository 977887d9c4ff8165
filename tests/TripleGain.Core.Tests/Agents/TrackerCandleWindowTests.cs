using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class TrackerCandleWindowTests
{
    private static Candle At(int minute) => Minute(Now.AddMinutes(minute), 100m + minute);

    [Fact]
    public void Add_BelowCapacity_KeepsAllOldestFirst()
    {
        var window = new CandleWindow(3);
        window.Add(At(0));
        window.Add(At(1));

        window.Count.ShouldBe(2);
        window[0].ShouldBe(At(0));
        window[1].ShouldBe(At(1));
        window.Latest.ShouldBe(At(1));
    }

    [Fact]
    public void Add_BeyondCapacity_DropsTheOldest()
    {
        var window = new CandleWindow(3);
        for (var i = 0; i < 8; i++)
        {
            window.Add(At(i));
        }

        window.Count.ShouldBe(3);
        window.Capacity.ShouldBe(3);
        window.ToArray().ShouldBe([At(5), At(6), At(7)]);
        window.ShouldBe([At(5), At(6), At(7)]);
        window.Latest.ShouldBe(At(7));
    }

    [Fact]
    public void Latest_Empty_IsNull() => new CandleWindow(1).Latest.ShouldBeNull();

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Indexer_OutsideTheCandlesHeld_Throws(int index)
    {
        var window = new CandleWindow(5);
        window.Add(At(0));
        window.Add(At(1));

        Should.Throw<ArgumentOutOfRangeException>(() => window[index]).Message.ShouldContain("holds 2 candles");
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => new CandleWindow(0));
}
