using System.Text.Json;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class SimulatedMarketTests
{
    private static readonly DateTime Start = SimulatedMarketOptions.DefaultStart;

    private static List<MarketMinute> Minutes(SimulatedMarketOptions options, int count)
    {
        var market = new SimulatedMarket(options);
        var result = new List<MarketMinute>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(market.Next());
        }

        return result;
    }

    [Fact]
    public void Next_SameSeed_IdenticalCandles()
    {
        var first = Minutes(new SimulatedMarketOptions { Seed = 7 }, 5_000);
        var second = Minutes(new SimulatedMarketOptions { Seed = 7 }, 5_000);

        first.ShouldBe(second);
    }

    [Fact]
    public void Next_DifferentSeeds_DifferentCandles()
    {
        var first = Minutes(new SimulatedMarketOptions { Seed = 1 }, 100);
        var second = Minutes(new SimulatedMarketOptions { Seed = 2 }, 100);

        first.Zip(second).Count(p => p.First.BtcUsdt.Close == p.Second.BtcUsdt.Close).ShouldBeLessThan(50);
        first[^1].XrpUsdt.Close.ShouldNotBe(second[^1].XrpUsdt.Close);
    }

    [Fact]
    public void Next_Seed42_MatchesPinnedCandles()
    {
        // Pinned output: a change here means seed 42 no longer gives the same market on this machine, so either the
        // model changed on purpose (update the values and say so) or the arithmetic is not portable.
        var market = new SimulatedMarket(new SimulatedMarketOptions { Seed = 42 });
        var first = market.Next();
        MarketMinute last = default;
        for (var i = 1; i < 100_000; i++)
        {
            last = market.Next();
        }

        first.BtcUsdt.ShouldBe(new Candle(Start, 60000.0m, 60036.6m, 59986.6m, 60015.3m, 0.51020993m, 26));
        first.XrpUsdt.ShouldBe(new Candle(Start, 0.55000m, 0.55072m, 0.54970m, 0.55054m, 20629.87253291m, 41));
        first.XrpBtc.ShouldBe(new Candle(Start, 0.00000917m, 0.00000917m, 0.00000917m, 0.00000917m, 2683.99654202m, 5));
        var lastTime = Start.AddMinutes(99_999);
        last.BtcUsdt.ShouldBe(new Candle(lastTime, 84121.0m, 84247.8m, 83980.8m, 84118.2m, 0.36452229m, 18));
        last.XrpUsdt.ShouldBe(new Candle(lastTime, 0.71941m, 0.72054m, 0.71676m, 0.71728m, 82825.65114161m, 166));
        last.XrpBtc.ShouldBe(new Candle(lastTime, 0.00000855m, 0.00000856m, 0.00000852m, 0.00000853m, 8723.01269736m, 17));
        BitConverter.DoubleToInt64Bits(market.GetState().BtcLogPrice).ShouldBe(0x4026AE119D2BDAC5L);
    }

    [Fact]
    public void Next_Triangle_CrossCloseIsXrpOverBtcRounded()
    {
        var decimals = PairCatalog.Kraken[Pair.XrpBtc].PriceDecimals;
        var previousCross = 0m;
        foreach (var minute in Minutes(new SimulatedMarketOptions { Seed = 3 }, 20_000))
        {
            var expected = decimal.Round(minute.XrpUsdt.Close / minute.BtcUsdt.Close, decimals, MidpointRounding.AwayFromZero);
            minute.XrpBtc.Close.ShouldBe(expected);
            if (previousCross != 0)
            {
                minute.XrpBtc.Open.ShouldBe(previousCross);
            }

            previousCross = minute.XrpBtc.Close;
        }
    }

    [Fact]
    public void Next_Candles_OhlcConsistentContinuousAndAtPairPrecision()
    {
        var minutes = Minutes(new SimulatedMarketOptions { Seed = 11 }, 20_000);
        var problems = new List<string>();
        foreach (var pair in Pair.All)
        {
            var info = PairCatalog.Kraken[pair];
            var previous = (Candle?)null;
            var widened = 0;
            foreach (var minute in minutes)
            {
                var c = minute[pair];
                var ok = c.Timestamp.Kind == DateTimeKind.Utc
                    && c.High >= Math.Max(c.Open, c.Close)
                    && c.Low <= Math.Min(c.Open, c.Close)
                    && c.Low > 0
                    && info.IsValidPrice(c.Open) && info.IsValidPrice(c.High) && info.IsValidPrice(c.Low) && info.IsValidPrice(c.Close)
                    && c.Volume > 0
                    && decimal.Round(c.Volume, info.VolumeDecimals) == c.Volume
                    && c.Trades > 0
                    && (previous is not { } p || (c.Timestamp == p.Timestamp.AddMinutes(1) && c.Open == p.Close));
                if (!ok)
                {
                    problems.Add($"{pair} {c} after {previous}");
                }

                if (c.High > Math.Max(c.Open, c.Close) || c.Low < Math.Min(c.Open, c.Close))
                {
                    widened++;
                }

                previous = c;
            }

            // wicks exist: most minutes trade beyond their open and close
            widened.ShouldBeGreaterThan(minutes.Count / 4, $"{pair}: only {widened} of {minutes.Count} candles have a wick");
        }

        problems.Take(5).ShouldBeEmpty();
    }

    [Fact]
    public void Next_ConfiguredStartPrices_FirstOpensAtThemRounded()
    {
        var minute = new SimulatedMarket(new SimulatedMarketOptions { BtcUsdtStartPrice = 95_000.04m, XrpUsdtStartPrice = 2.123456m }).Next();

        minute.BtcUsdt.Open.ShouldBe(95_000.0m);
        minute.XrpUsdt.Open.ShouldBe(2.12346m);
        minute.XrpBtc.Open.ShouldBe(decimal.Round(2.12346m / 95_000.0m, 8, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void GetState_RestoredAfterJsonRoundTrip_ContinuesIdentically()
    {
        var options = new SimulatedMarketOptions { Seed = 5 };
        var original = new SimulatedMarket(options);
        for (var i = 0; i < 1_234; i++)
        {
            original.Next();
        }

        var json = JsonSerializer.Serialize(original.GetState());
        var state = JsonSerializer.Deserialize<SimulatedMarketState>(json)!;
        var resumed = new SimulatedMarket(options, state);

        resumed.NextTimestamp.ShouldBe(original.NextTimestamp);
        for (var i = 0; i < 2_000; i++)
        {
            resumed.Next().ShouldBe(original.Next());
        }
    }

    [Fact]
    public void Options_JsonRoundTrip_SameMarket()
    {
        var options = new SimulatedMarketOptions { Seed = -3, Start = Start.AddDays(40), XrpUsdtStartPrice = 2.5m, Correlation = 0.4 };

        var copy = JsonSerializer.Deserialize<SimulatedMarketOptions>(JsonSerializer.Serialize(options))!;

        copy.ShouldBe(options);
        new SimulatedMarket(copy).Next().ShouldBe(new SimulatedMarket(options).Next());
    }

    [Fact]
    public void SkipTo_LaterMinute_SameAsGeneratingEveryMinute()
    {
        var options = new SimulatedMarketOptions { Seed = 9 };
        var generated = new SimulatedMarket(options);
        for (var i = 0; i < 3_000; i++)
        {
            generated.Next();
        }

        var skipped = new SimulatedMarket(options);
        skipped.SkipTo(Start.AddMinutes(3_000));

        skipped.GetState().ShouldBe(generated.GetState());
        skipped.Next().ShouldBe(generated.Next());
    }

    [Fact]
    public void SkipTo_Backwards_Throws()
    {
        var market = new SimulatedMarket(new SimulatedMarketOptions());
        market.Next();

        Should.Throw<ArgumentOutOfRangeException>(() => market.SkipTo(Start)).Message.ShouldContain("Cannot go back");
    }

    [Fact]
    public void Generate_Range_HalfOpenWholeMinutes()
    {
        var market = new SimulatedMarket(new SimulatedMarketOptions());
        var minutes = market.Generate(Start.AddHours(1), Start.AddHours(2)).ToList();

        minutes.Count.ShouldBe(60);
        minutes[0].Timestamp.ShouldBe(Start.AddHours(1));
        minutes[^1].Timestamp.ShouldBe(Start.AddHours(2).AddMinutes(-1));
        market.NextTimestamp.ShouldBe(Start.AddHours(2));
    }

    [Fact]
    public void Generate_FromBeforeCurrentTime_Throws()
    {
        var market = new SimulatedMarket(new SimulatedMarketOptions());
        market.SkipTo(Start.AddHours(1));

        Should.Throw<ArgumentOutOfRangeException>(() => market.Generate(Start, Start.AddHours(2)));
    }

    [Fact]
    public void MarketMinute_Indexer_ReturnsEachPairAndRejectsOthers()
    {
        var minute = new SimulatedMarket(new SimulatedMarketOptions()).Next();

        minute[Pair.BtcUsdt].ShouldBe(minute.BtcUsdt);
        minute[Pair.XrpUsdt].ShouldBe(minute.XrpUsdt);
        minute[Pair.XrpBtc].ShouldBe(minute.XrpBtc);
        Should.Throw<ArgumentOutOfRangeException>(() => minute[new Pair(Asset.BTC, Asset.XRP)]);
    }

    public static TheoryData<string, SimulatedMarketOptions> InvalidOptions() => new()
    {
        { "Start", new SimulatedMarketOptions { Start = Start.AddSeconds(30) } },
        { "Start", new SimulatedMarketOptions { Start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Local) } },
        { "BtcUsdtStartPrice", new SimulatedMarketOptions { BtcUsdtStartPrice = -1m } },
        { "XrpUsdtStartPrice", new SimulatedMarketOptions { XrpUsdtStartPrice = 0.000001m } },
        { "Correlation", new SimulatedMarketOptions { Correlation = 1.0 } },
        { "GarchBeta", new SimulatedMarketOptions { GarchAlpha = 0.1, GarchBeta = 0.9 } },
        { "ShockDegreesOfFreedom", new SimulatedMarketOptions { ShockDegreesOfFreedom = 5 } },
        { "XrpAnnualVolatility", new SimulatedMarketOptions { XrpAnnualVolatility = double.NaN } },
        { "BtcUsdtMeanVolume", new SimulatedMarketOptions { BtcUsdtMeanVolume = 0m } },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void Constructor_InvalidOption_ThrowsNamingIt(string name, SimulatedMarketOptions options)
    {
        var error = Should.Throw<ArgumentException>(() => new SimulatedMarket(options));

        error.ParamName.ShouldBe(name);
        error.Message.ShouldContain(name);
    }

    [Fact]
    public void Constructor_StateWithBadClose_Throws()
    {
        var options = new SimulatedMarketOptions();
        var state = new SimulatedMarket(options).GetState() with { BtcUsdtClose = 60000.05m };

        Should.Throw<ArgumentException>(() => new SimulatedMarket(options, state)).Message.ShouldContain("BtcUsdtClose");
    }
}
