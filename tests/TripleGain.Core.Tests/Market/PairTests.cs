using System.Text.Json;
using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

public class PairTests
{
    [Theory]
    [InlineData("BTC/USDT", "BTC/USDT")]
    [InlineData("xbt/usdt", "BTC/USDT")]
    [InlineData("XRPXBT", "XRP/BTC")]
    [InlineData("XRP-USDT", "XRP/USDT")]
    public void Parse_KnownSpellings_ReturnsPair(string text, string expected) =>
        Pair.Parse(text).Symbol.ShouldBe(expected);

    [Theory]
    [InlineData("")]
    [InlineData("ETH/USDT")]
    [InlineData("BTC")]
    public void Parse_UnknownPair_ThrowsWithKnownPairs(string text) =>
        Should.Throw<FormatException>(() => Pair.Parse(text)).Message.ShouldContain("BTC/USDT");

    [Fact]
    public void PairInfo_FloorVolumeAndPriceCheck_FollowKrakenPrecision()
    {
        var btc = PairCatalog.Kraken[Pair.BtcUsdt];
        btc.FloorVolume(0.123456789m).ShouldBe(0.12345678m);
        btc.CeilVolume(0.123456781m).ShouldBe(0.12345679m);
        btc.CeilVolume(0.12345678m).ShouldBe(0.12345678m);
        btc.IsValidPrice(50000.1m).ShouldBeTrue();
        btc.IsValidPrice(50000.15m).ShouldBeFalse();
        btc.TickSize.ShouldBe(0.1m);
    }

    [Fact]
    public void Json_PairAndPairKeyedDictionary_RoundTripAsSymbols()
    {
        var prices = new Dictionary<Pair, decimal> { [Pair.BtcUsdt] = 50_000.1m, [Pair.XrpBtc] = 0.00001234m };

        var json = JsonSerializer.Serialize(new { Pair = Pair.XrpUsdt, Prices = prices });

        json.ShouldBe("{\"Pair\":\"XRP/USDT\",\"Prices\":{\"BTC/USDT\":50000.1,\"XRP/BTC\":0.00001234}}");
        JsonSerializer.Deserialize<Dictionary<Pair, decimal>>("{\"BTC/USDT\":1,\"XRP/BTC\":2}")!.Keys.ShouldBe([Pair.BtcUsdt, Pair.XrpBtc]);
        Should.Throw<JsonException>(() => JsonSerializer.Deserialize<Pair>("\"ETH/USDT\""));
    }
}
