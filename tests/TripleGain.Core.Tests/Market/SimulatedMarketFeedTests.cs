using Microsoft.Extensions.Time.Testing;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class SimulatedMarketFeedTests
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task GetCandlesAsync_OnlyClosedMinutes_AreReturned()
    {
        var feed = new SimulatedMarketFeed(new SimulatedMarketOptions { Start = Start });

        var candles = await feed.GetCandlesAsync(Pair.BtcUsdt, Start, Start.AddMinutes(10).AddSeconds(30), TestContext.Current.CancellationToken);

        candles.Count.ShouldBe(10);
        candles[0].Timestamp.ShouldBe(Start);
        candles[^1].Timestamp.ShouldBe(Start.AddMinutes(9));
    }

    [Fact]
    public async Task GetCandlesAsync_SameOptions_MatchTheCandleSource()
    {
        var options = new SimulatedMarketOptions { Start = Start, Seed = 7 };
        var feed = new SimulatedMarketFeed(options);
        var expected = new SimulatedCandleSource(options).GetCandles(Pair.XrpBtc, Start.AddMinutes(100), Start.AddMinutes(200)).ToList();

        await feed.GetCandlesAsync(Pair.XrpBtc, Start, Start.AddMinutes(50), TestContext.Current.CancellationToken);
        var candles = await feed.GetCandlesAsync(Pair.XrpBtc, Start.AddMinutes(100), Start.AddMinutes(200), TestContext.Current.CancellationToken);

        candles.ShouldBe(expected);
    }

    [Fact]
    public async Task GetCandlesAsync_BeyondHistoryLimit_KeepsOnlyTheNewest()
    {
        var feed = new SimulatedMarketFeed(new SimulatedMarketOptions { Start = Start }, TimeSpan.FromHours(1));

        var candles = await feed.GetCandlesAsync(Pair.XrpUsdt, Start, Start.AddDays(2), TestContext.Current.CancellationToken);

        candles.Count.ShouldBe(60);
        candles[^1].Timestamp.ShouldBe(Start.AddDays(2).AddMinutes(-1));
    }

    [Fact]
    public async Task GetCandlesAsync_UnknownPair_Throws()
    {
        var feed = new SimulatedMarketFeed(new SimulatedMarketOptions { Start = Start });

        await Should.ThrowAsync<ArgumentException>(async () => await feed.GetCandlesAsync(new Pair(Asset.BTC, Asset.XRP), Start, Start.AddHours(1), TestContext.Current.CancellationToken));
    }

    [Fact]
    public void AcceleratedTimeProvider_Speed60_RunsAMinutePerSecond()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var market = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var clock = new AcceleratedTimeProvider(real, 60, real.GetUtcNow(), market);

        real.Advance(TimeSpan.FromSeconds(10));

        clock.GetUtcNow().ShouldBe(market.AddMinutes(10));
        clock.Scale(TimeSpan.FromMinutes(1)).ShouldBe(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void AcceleratedTimeProvider_Timer_FiresAtTheScaledPace()
    {
        var real = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        var clock = new AcceleratedTimeProvider(real, 60, real.GetUtcNow(), real.GetUtcNow());
        var ticks = 0;
        using var timer = clock.CreateTimer(_ => ticks++, null, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));

        real.Advance(TimeSpan.FromSeconds(3));

        ticks.ShouldBe(3);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(double.NaN)]
    [InlineData(20_000)]
    public void AcceleratedTimeProvider_BadSpeed_Throws(double speed) =>
        Should.Throw<ArgumentOutOfRangeException>(() => new AcceleratedTimeProvider(TimeProvider.System, speed, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch));
}
