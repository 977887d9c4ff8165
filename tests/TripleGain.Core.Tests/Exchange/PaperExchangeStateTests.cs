using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Tests.Portfolio;
using static TripleGain.Core.Tests.Exchange.Scenario;

namespace TripleGain.Core.Tests.Exchange;

public class PaperExchangeStateTests
{
    private static PaperExchange Busy()
    {
        var exchange = NewExchange(slippageBps: 5m);
        exchange.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m, stopLoss: 49000m, takeProfit: 51000m), Minute(0)).Accepted();
        exchange.PlaceOrder(MarketOrder("s1", Pair.XrpUsdt, OrderSide.Sell, 600m, leverage: 2m), Minute(0)).Accepted();
        exchange.OnCandle(Pair.BtcUsdt, Flat(1, 50000m));
        exchange.OnCandle(Pair.XrpUsdt, Flat(1, 0.5m));
        exchange.PlaceOrder(LimitOrder("l1", Pair.XrpUsdt, OrderSide.Sell, 100m, 0.6m), Minute(1)).Accepted();
        exchange.PlaceOrder(MarketOrder("big", Pair.BtcUsdt, OrderSide.Buy, 1m), Minute(1)).IsAccepted.ShouldBeFalse();
        exchange.Snapshot(Minute(1));
        return exchange;
    }

    [Fact]
    public void FromState_AfterJsonRoundTrip_GivesIdenticalSnapshotOrdersAndFills()
    {
        var original = Busy();

        var json = Json.Of(original.ToState());
        var restored = PaperExchange.FromState(Json.Read<PaperExchangeState>(json), PairCatalog.Kraken, original.Settings);

        Json.Of(restored.ToState()).ShouldBe(json);
        Json.Of(restored.Snapshot(Minute(2))).ShouldBe(Json.Of(original.Snapshot(Minute(2))));
        Json.Of(restored.OpenOrders).ShouldBe(Json.Of(original.OpenOrders));
        restored.OpenOrders.Count.ShouldBe(3);

        var candle = Bar(2, 50000m, 51500m, 49500m, 51000m);
        var fromOriginal = original.OnCandle(Pair.BtcUsdt, candle);
        var fromRestored = restored.OnCandle(Pair.BtcUsdt, candle);
        fromRestored.ShouldHaveSingleItem().ClientOrderId.ShouldBe("e1:tp");
        Json.Of(fromRestored).ShouldBe(Json.Of(fromOriginal));
        Json.Of(restored.ToState()).ShouldBe(Json.Of(original.ToState()));
    }

    [Fact]
    public void PlaceOrder_SeenClientOrderIdAfterRestore_ReturnsOriginalAndCreatesNoOrder()
    {
        var original = Busy();
        var firstEntry = original.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(0));
        var firstRejection = original.PlaceOrder(MarketOrder("big", Pair.BtcUsdt, OrderSide.Buy, 1m), Minute(1));
        var restored = PaperExchange.FromState(Json.Read<PaperExchangeState>(Json.Of(original.ToState())));
        var orders = restored.Orders.Count;

        Json.Of(restored.PlaceOrder(MarketOrder("e1", Pair.BtcUsdt, OrderSide.Buy, 0.01m), Minute(5))).ShouldBe(Json.Of(firstEntry));
        Json.Of(restored.PlaceOrder(MarketOrder("l1", Pair.XrpUsdt, OrderSide.Sell, 100m), Minute(5)).Order!.Request.Type).ShouldBe(Json.Of(OrderType.Limit));
        Json.Of(restored.PlaceOrder(MarketOrder("big", Pair.BtcUsdt, OrderSide.Buy, 0.001m), Minute(5))).ShouldBe(Json.Of(firstRejection));
        Json.Of(restored.PlaceOrder(MarketOrder("e1:sl", Pair.BtcUsdt, OrderSide.Buy, 0.001m), Minute(5)).Order!.Request.Type).ShouldBe(Json.Of(OrderType.StopLoss));

        restored.Orders.Count.ShouldBe(orders);
        restored.OnCandle(Pair.BtcUsdt, Flat(6, 50000m)).ShouldBeEmpty();
    }

    [Fact]
    public void FromState_NewOrdersAfterRestore_ContinueTheIdSequences()
    {
        var original = Busy();
        var restored = PaperExchange.FromState(Json.Read<PaperExchangeState>(Json.Of(original.ToState())));

        var next = restored.PlaceOrder(MarketOrder("n1", Pair.XrpUsdt, OrderSide.Sell, 10m), Minute(2)).Accepted();
        var fill = restored.OnCandle(Pair.XrpUsdt, Flat(3, 0.5m)).ShouldHaveSingleItem();

        next.OrderId.ShouldBe($"O{original.Orders.Max(o => o.Sequence) + 1:D8}");
        restored.Orders.Select(o => o.OrderId).ShouldBeUnique();
        fill.TradeId.ShouldBe("T00000003");
    }
}
