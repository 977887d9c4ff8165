using TripleGain.Core.Agents;
using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Agents.TechnicalTestValues;

namespace TripleGain.Core.Tests.Agents;

public class MarketTrackerTests
{
    [Fact]
    public void Add_CandleOfOnePair_ReachesOnlyThatPair()
    {
        var market = new MarketTracker(Pair.All);

        market.Add(Pair.XrpUsdt, Minute(Now, 0.5m));

        market[Pair.XrpUsdt].LastPrice.ShouldBe(0.5m);
        market[Pair.BtcUsdt].CandleCount.ShouldBe(0);
        market[Pair.XrpBtc].CandleCount.ShouldBe(0);
    }

    [Fact]
    public void ToInput_SomePairsWithoutCandles_ListsOnlyPairsWithCandlesInOrder()
    {
        var market = new MarketTracker([Pair.XrpBtc, Pair.BtcUsdt, Pair.XrpUsdt]);
        market.Add(Pair.XrpUsdt, Minute(Now, 2m));
        market.Add(Pair.XrpBtc, Minute(Now, 3m));

        var input = market.ToInput(Now.AddMinutes(1));

        input.Timestamp.ShouldBe(Now.AddMinutes(1));
        input.Pairs.Select(p => (p.Pair, p.LastPrice)).ShouldBe([(Pair.XrpBtc, 3m), (Pair.XrpUsdt, 2m)]);
    }

    [Fact]
    public void ToInput_NoCandles_IsEmpty() => new MarketTracker(Pair.All).ToInput(Now).Pairs.ShouldBeEmpty();

    [Fact]
    public void Pairs_AreTheConstructorOrder() =>
        new MarketTracker([Pair.XrpBtc, Pair.BtcUsdt]).Pairs.ShouldBe([Pair.XrpBtc, Pair.BtcUsdt]);

    [Fact]
    public void Settings_AreSharedByEveryPair()
    {
        var settings = new TrackerSettings { Timeframes = [Timeframe.H1], WindowSize = 10 };

        var market = new MarketTracker(Pair.All, settings);

        market[Pair.XrpBtc].Settings.ShouldBeSameAs(settings);
        market[Pair.BtcUsdt].Timeframes.ShouldBe([Timeframe.H1]);
    }

    [Fact]
    public void Add_UntrackedPair_ThrowsNamingIt()
    {
        var market = new MarketTracker([Pair.BtcUsdt]);

        Should.Throw<KeyNotFoundException>(() => market.Add(Pair.XrpUsdt, Minute(Now, 1m))).Message.ShouldContain("XRP/USDT is not tracked; tracked: BTC/USDT");
        market.Contains(Pair.XrpUsdt).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_DuplicatePair_Throws() =>
        Should.Throw<ArgumentException>(() => new MarketTracker([Pair.BtcUsdt, Pair.BtcUsdt])).Message.ShouldContain("BTC/USDT is listed twice");

    [Fact]
    public void Constructor_NoPairs_Throws() =>
        Should.Throw<ArgumentException>(() => new MarketTracker([])).Message.ShouldContain("at least one pair");
}
