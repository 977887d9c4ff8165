using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Grains.Portfolio;
using TripleGain.Journal;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>
/// The portfolio's journal outbox: when the journal fails right after the account's state was written (a database
/// error, or the process dying there), the next call, also from a new activation, journals what was missed, once.
/// </summary>
[Collection(FlakyJournalCollection.Name)]
public sealed class PortfolioOutboxTests(FlakyJournalClusterFixture fixture)
{
    /// <summary>30 s after a closed minute, three days into the simulated market.</summary>
    private static readonly DateTime Start = new(2025, 1, 4, 12, 0, 30, DateTimeKind.Utc);

    private IPortfolioGrain Portfolio(string name) => fixture.Cluster.GrainFactory.GetGrain<IPortfolioGrain>($"paper:{name}");

    private static OrderRequest SellXrp(string clientOrderId) => new(clientOrderId, Pair.XrpUsdt, OrderSide.Sell, OrderType.Market, 10m);

    [Fact]
    public async Task SyncAsync_JournalFailsAfterTheFillWasBooked_NextActivationJournalsTheFillOnce()
    {
        var portfolio = Portfolio("outbox-fill");
        await portfolio.SyncAsync(Start);
        (await portfolio.ExecuteAsync("outbox-fill-1", [SellXrp("t-outbox-fill")], Start)).Results.ShouldHaveSingleItem().IsAccepted.ShouldBeTrue();
        fixture.Failures.FailNext(nameof(IDecisionJournal.RecordFillAsync));

        var failed = await Should.ThrowAsync<InvalidOperationException>(() => portfolio.SyncAsync(Start.AddMinutes(2)));
        failed.Message.ShouldContain("journal unavailable");
        (await fixture.Journal.FillsAsync("t-outbox-fill", TestContext.Current.CancellationToken)).ShouldBeEmpty();
        await fixture.DeactivateAllAsync();

        var snapshot = await portfolio.SyncAsync(Start.AddMinutes(3));
        await portfolio.SyncAsync(Start.AddMinutes(4));

        var fill = (await fixture.Journal.FillsAsync("t-outbox-fill", TestContext.Current.CancellationToken)).ShouldHaveSingleItem();
        fill.Volume.ShouldBe(10m);
        fill.ExchangeFillId.ShouldBe("paper:outbox-fill:T00000001");
        (await fixture.Journal.GetOrderAsync("t-outbox-fill", TestContext.Current.CancellationToken)).ShouldNotBeNull().Status.ShouldBe(OrderRecordStatus.Filled);
        snapshot.Balance(Asset.XRP).ShouldBe(490m, "the fill was booked once, before the journal failed");
    }

    [Fact]
    public async Task ExecuteAsync_JournalFailsAfterThePlacement_RetriedCycleUpdatesTheStatusAndPlacesNothingTwice()
    {
        var portfolio = Portfolio("outbox-status");
        await portfolio.SyncAsync(Start);
        fixture.Failures.FailNext(nameof(IDecisionJournal.UpdateOrderStatusAsync));

        await Should.ThrowAsync<InvalidOperationException>(() => portfolio.ExecuteAsync("outbox-status-1", [SellXrp("t-outbox-status")], Start));
        (await fixture.Journal.GetOrderAsync("t-outbox-status", TestContext.Current.CancellationToken)).ShouldNotBeNull().Status.ShouldBe(OrderRecordStatus.Pending);
        await fixture.DeactivateAllAsync();
        var retry = await portfolio.ExecuteAsync("outbox-status-1", [SellXrp("t-outbox-status")], Start);

        retry.AlreadyExecuted.ShouldBeTrue();
        (await fixture.Journal.GetOrderAsync("t-outbox-status", TestContext.Current.CancellationToken)).ShouldNotBeNull().Status.ShouldBe(OrderRecordStatus.Open);
        (await portfolio.OpenOrdersAsync()).Count(o => o.Request.ClientOrderId == "t-outbox-status").ShouldBe(1);
    }

    [Fact]
    public async Task SyncAsync_JournalFailsOnTheEquitySnapshot_NextCallJournalsItAtItsTime()
    {
        var portfolio = Portfolio("outbox-equity");
        fixture.Failures.FailNext(nameof(IDecisionJournal.RecordEquitySnapshotAsync));

        await Should.ThrowAsync<InvalidOperationException>(() => portfolio.SyncAsync(Start));
        (await fixture.Journal.EquityCurveAsync("paper:outbox-equity", cancellationToken: TestContext.Current.CancellationToken)).ShouldBeEmpty();
        await portfolio.SyncAsync(Start.AddMinutes(1));

        var curve = await fixture.Journal.EquityCurveAsync("paper:outbox-equity", cancellationToken: TestContext.Current.CancellationToken);
        curve.ShouldHaveSingleItem().TakenAt.ShouldBe(Start);
    }
}
