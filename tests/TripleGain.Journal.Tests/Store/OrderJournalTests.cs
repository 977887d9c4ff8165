using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Journal.Tests.Databases;

namespace TripleGain.Journal.Tests.Store;

/// <summary>Orders (the never-twice check) and fills, on each provider.</summary>
public abstract class OrderJournalTests(IJournalDatabases databases) : JournalTestBase(databases)
{
    [Fact]
    public async Task RecordOrderAsync_NewOrder_RoundTripsAndShowsUnderItsDecision()
    {
        var journal = await NewJournalAsync();
        var decisionId = (await journal.RecordDecisionAsync(Samples.Decision(), null, Cancel)).Value;
        var order = Samples.Order(decisionId: decisionId);

        var recorded = await journal.RecordOrderAsync(order, Cancel);

        recorded.ShouldBe(new Recorded<OrderRecord>(order, AlreadyExisted: false));
        (await journal.GetOrderAsync(order.ClientOrderId, Cancel)).ShouldBe(order);
        (await journal.GetDecisionAsync(decisionId, Cancel))!.Orders.ShouldBe([order]);
    }

    [Fact]
    public async Task RecordOrderAsync_SameClientOrderIdTwice_SecondReportsItExistedAndKeepsTheFirst()
    {
        var journal = await NewJournalAsync();
        var first = Samples.Order();
        await journal.RecordOrderAsync(first, Cancel);
        await journal.UpdateOrderStatusAsync(first.ClientOrderId, OrderRecordStatus.Filled, "OABC-1", Samples.T0.AddSeconds(5), Cancel);

        var retry = await journal.RecordOrderAsync(first with { Volume = 99m, CreatedAt = Samples.T0.AddHours(1), UpdatedAt = Samples.T0.AddHours(1) }, Cancel);

        retry.AlreadyExisted.ShouldBeTrue();
        retry.Value.Volume.ShouldBe(first.Volume);
        retry.Value.Status.ShouldBe(OrderRecordStatus.Filled);
        retry.Value.ExchangeOrderId.ShouldBe("OABC-1");
    }

    [Fact]
    public async Task RecordOrderAsync_ManyConcurrentAttemptsWithOneKey_ExactlyOneIsNew()
    {
        var journal = await NewJournalAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => journal.RecordOrderAsync(Samples.Order(), Cancel), Cancel)));

        attempts.Count(a => !a.AlreadyExisted).ShouldBe(1);
        attempts.ShouldAllBe(a => a.Value == Samples.Order());
    }

    [Fact]
    public async Task RecordOrderAsync_MarketOrderWithoutPrice_RoundTrips()
    {
        var journal = await NewJournalAsync();
        var order = Samples.Order() with { Type = OrderType.Market, Price = null, Side = OrderSide.Sell, Pair = Pair.XrpBtc, Leverage = 2.5m };

        await journal.RecordOrderAsync(order, Cancel);

        (await journal.GetOrderAsync(order.ClientOrderId, Cancel)).ShouldBe(order);
    }

    [Fact]
    public async Task RecordOrderAsync_UnknownDecision_ThrowsKeyNotFoundAndWritesNothing()
    {
        var journal = await NewJournalAsync();

        var error = await Should.ThrowAsync<KeyNotFoundException>(() => journal.RecordOrderAsync(Samples.Order(decisionId: 77), Cancel));

        error.Message.ShouldContain("decision 77");
        (await journal.GetOrderAsync(Samples.Order().ClientOrderId, Cancel)).ShouldBeNull();
    }

    [Theory]
    [InlineData("zero-volume", "OrderRecord.Volume must be greater than 0 (got 0)")]
    [InlineData("limit-without-price", "OrderRecord.Price is required for Limit orders")]
    [InlineData("negative-price", "OrderRecord.Price must be greater than 0 (got -1)")]
    [InlineData("low-leverage", "OrderRecord.Leverage must be at least 1 (got 0.5)")]
    [InlineData("updated-before-created", "OrderRecord.UpdatedAt")]
    [InlineData("local-time", "OrderRecord.CreatedAt must be UTC")]
    [InlineData("empty-id", "OrderRecord.ClientOrderId must not be empty")]
    public async Task RecordOrderAsync_BadInput_ThrowsNamingTheField(string kind, string message)
    {
        var journal = await NewJournalAsync();
        var good = Samples.Order();
        var bad = kind switch
        {
            "zero-volume" => good with { Volume = 0m },
            "limit-without-price" => good with { Price = null },
            "negative-price" => good with { Price = -1m },
            "low-leverage" => good with { Leverage = 0.5m },
            "updated-before-created" => good with { UpdatedAt = good.CreatedAt.AddSeconds(-1) },
            "local-time" => good with { CreatedAt = DateTime.SpecifyKind(good.CreatedAt, DateTimeKind.Local) },
            "empty-id" => good with { ClientOrderId = "" },
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        (await Should.ThrowAsync<ArgumentException>(() => journal.RecordOrderAsync(bad, Cancel))).Message.ShouldContain(message);
    }

    [Fact]
    public async Task UpdateOrderStatusAsync_PendingToOpenToFilled_KeepsTheExchangeIdAndTime()
    {
        var journal = await NewJournalAsync();
        var order = Samples.Order();
        await journal.RecordOrderAsync(order, Cancel);

        var open = await journal.UpdateOrderStatusAsync(order.ClientOrderId, OrderRecordStatus.Open, "OXYZ-42", Samples.T0.AddSeconds(1), Cancel);
        var filled = await journal.UpdateOrderStatusAsync(order.ClientOrderId, OrderRecordStatus.Filled, null, Samples.T0.AddSeconds(2), Cancel);

        open.ShouldBe(order with { Status = OrderRecordStatus.Open, ExchangeOrderId = "OXYZ-42", UpdatedAt = Samples.T0.AddSeconds(1) });
        filled.ShouldBe(order with { Status = OrderRecordStatus.Filled, ExchangeOrderId = "OXYZ-42", UpdatedAt = Samples.T0.AddSeconds(2) });
        (await journal.GetOrderAsync(order.ClientOrderId, Cancel)).ShouldBe(filled);
    }

    [Fact]
    public async Task UpdateOrderStatusAsync_FinalStatusToAnother_ThrowsConflictAndChangesNothing()
    {
        var journal = await NewJournalAsync();
        var order = Samples.Order();
        await journal.RecordOrderAsync(order, Cancel);
        var cancelled = await journal.UpdateOrderStatusAsync(order.ClientOrderId, OrderRecordStatus.Cancelled, null, Samples.T0.AddSeconds(1), Cancel);

        var error = await Should.ThrowAsync<JournalConflictException>(() =>
            journal.UpdateOrderStatusAsync(order.ClientOrderId, OrderRecordStatus.Open, null, Samples.T0.AddSeconds(2), Cancel));
        var again = await journal.UpdateOrderStatusAsync(order.ClientOrderId, OrderRecordStatus.Cancelled, null, Samples.T0.AddSeconds(3), Cancel);

        error.Message.ShouldContain("is Cancelled, which is final");
        again.ShouldBe(cancelled);
        (await journal.GetOrderAsync(order.ClientOrderId, Cancel)).ShouldBe(cancelled);
    }

    [Fact]
    public async Task UpdateOrderStatusAsync_UnknownOrder_ThrowsKeyNotFound()
    {
        var journal = await NewJournalAsync();

        var error = await Should.ThrowAsync<KeyNotFoundException>(() =>
            journal.UpdateOrderStatusAsync("nope", OrderRecordStatus.Open, null, Samples.T0, Cancel));

        error.Message.ShouldContain("'nope'");
    }

    [Fact]
    public async Task RecordFillAsync_SameFillTwice_SecondReturnsFalseAndStoresOne()
    {
        var journal = await NewJournalAsync();
        await journal.RecordOrderAsync(Samples.Order(), Cancel);
        var fill = Samples.Fill();

        var first = await journal.RecordFillAsync(fill, Cancel);
        var second = await journal.RecordFillAsync(fill, Cancel);

        first.ShouldBeTrue();
        second.ShouldBeFalse();
        (await journal.FillsAsync(fill.ClientOrderId, Cancel)).ShouldBe([fill]);
    }

    [Fact]
    public async Task RecordFillAsync_PartialFills_ComeBackOldestFirstWithExactAmounts()
    {
        var journal = await NewJournalAsync();
        await journal.RecordOrderAsync(Samples.Order(), Cancel);
        var second = Samples.Fill("TXID-2", volume: 0.01m) with { FilledAt = Samples.T0.AddSeconds(9), Liquidity = FillLiquidity.Taker, FeeAsset = Asset.BTC, Fee = 0.00000001m };
        var first = Samples.Fill("TXID-1");

        await journal.RecordFillAsync(second, Cancel);
        await journal.RecordFillAsync(first, Cancel);

        var fills = await journal.FillsAsync(Samples.Order().ClientOrderId, Cancel);
        fills.ShouldBe([first, second]);
        fills.Sum(f => f.Volume).ShouldBe(Samples.Order().Volume);
    }

    [Fact]
    public async Task RecordFillAsync_SameFillIdWithOtherValues_ThrowsConflict()
    {
        var journal = await NewJournalAsync();
        await journal.RecordOrderAsync(Samples.Order(), Cancel);
        await journal.RecordFillAsync(Samples.Fill(), Cancel);

        var error = await Should.ThrowAsync<JournalConflictException>(() => journal.RecordFillAsync(Samples.Fill() with { Price = 1m }, Cancel));

        error.Message.ShouldContain("TXID-1");
        (await journal.FillsAsync(Samples.Order().ClientOrderId, Cancel)).ShouldBe([Samples.Fill()]);
    }

    [Fact]
    public async Task RecordFillAsync_UnknownOrder_ThrowsKeyNotFound()
    {
        var journal = await NewJournalAsync();

        var error = await Should.ThrowAsync<KeyNotFoundException>(() => journal.RecordFillAsync(Samples.Fill(clientOrderId: "ghost"), Cancel));

        error.Message.ShouldContain("'ghost'");
    }

    [Fact]
    public async Task RecordFillAsync_NegativeFee_ThrowsNamingTheField()
    {
        var journal = await NewJournalAsync();
        await journal.RecordOrderAsync(Samples.Order(), Cancel);

        var error = await Should.ThrowAsync<ArgumentException>(() => journal.RecordFillAsync(Samples.Fill() with { Fee = -0.1m }, Cancel));

        error.Message.ShouldContain("FillRecord.Fee must not be negative (got -0.1)");
    }
}
