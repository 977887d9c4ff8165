using TripleGain.Core.Configuration;
using TripleGain.Core.Portfolio;
using TripleGain.Silo.Tests.Support;

namespace TripleGain.Silo.Tests.Durability;

/// <summary>The "nothing is lost, nothing happens twice" properties, checked on what a silo left in its databases.</summary>
internal static class DurabilityChecks
{
    /// <summary>The paper trading configuration the silo runs with (beside the test binaries).</summary>
    public static TradingConfig PaperConfig { get; } =
        TradingConfigYaml.Load(Path.Combine(AppContext.BaseDirectory, "config", "paper_trading_config.yaml"));

    /// <summary>
    /// No order was executed twice: each client order id is placed once per account and is unique in the journal, and
    /// the fills of an order (in the journal and in the account) never add up to more than its volume.
    /// </summary>
    public static void NoOrderExecutedTwice(StoreSnapshot store)
    {
        var journalOrders = store.Orders.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        foreach (var fills in store.Fills.GroupBy(f => f.ClientOrderId))
        {
            journalOrders.ShouldContainKey(fills.Key, $"the journal has fills of order {fills.Key} but not the order");
            fills.Sum(f => f.Volume).ShouldBeLessThanOrEqualTo(journalOrders[fills.Key].Volume, $"journalled fills of order {fills.Key}");
        }

        foreach (var (account, state) in store.Portfolios)
        {
            var orders = state.Exchange.ShouldNotBeNull().Orders;
            orders.GroupBy(o => o.Request.ClientOrderId).Where(g => g.Count() > 1).Select(g => g.Key)
                .ShouldBeEmpty($"{account} placed these client order ids more than once");
            state.Fills.GroupBy(f => f.TradeId).Where(g => g.Count() > 1).Select(g => g.Key)
                .ShouldBeEmpty($"{account} booked these trades more than once");
            var byClientId = orders.ToDictionary(o => o.Request.ClientOrderId, StringComparer.Ordinal);
            foreach (var fills in state.Fills.GroupBy(f => f.ClientOrderId))
            {
                byClientId.ShouldContainKey(fills.Key, $"{account} has fills of order {fills.Key} it never placed");
                fills.Sum(f => f.Volume).ShouldBeLessThanOrEqualTo(byClientId[fills.Key].Request.Volume, $"{account}: fills of order {fills.Key}");
            }
        }
    }

    /// <summary>
    /// The journal tells what the accounts did: its fills are exactly the accounts' fills (same ids and values), except
    /// that a silo killed between a state write and the journal may leave fills in the account's outbox (after
    /// <c>JournalledFills</c>) that the journal does not have yet; every order an account placed or refused is in the
    /// journal (recorded before it was placed), and a journal order still "pending" was never placed by any account.
    /// </summary>
    public static void JournalMatchesAccounts(StoreSnapshot store)
    {
        var journalFills = store.Fills.ToDictionary(f => f.FillId, StringComparer.Ordinal);
        var accountFills = new Dictionary<string, Fill>(StringComparer.Ordinal);
        foreach (var (account, state) in store.Portfolios)
        {
            for (var i = 0; i < state.Fills.Count; i++)
            {
                var fill = state.Fills[i];
                var id = $"{account}:{fill.TradeId}";
                accountFills[id] = fill;
                if (i < state.JournalledFills)
                {
                    journalFills.ShouldContainKey(id, $"{account}'s fill {fill.TradeId} is marked journalled but the journal lacks it");
                }
                else if (!journalFills.ContainsKey(id))
                {
                    continue;
                }

                var journalled = journalFills[id];
                (journalled.ClientOrderId, journalled.Price, journalled.Volume, journalled.Fee, journalled.FilledAt)
                    .ShouldBe((fill.ClientOrderId, fill.Price, fill.Volume, fill.Fee, fill.Timestamp), $"journalled fill {id}");
            }
        }

        journalFills.Keys.Where(id => !accountFills.ContainsKey(id)).ShouldBeEmpty("fills in the journal that no account booked");

        var journalOrders = store.Orders.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        var placed = store.Portfolios.SelectMany(p => p.Value.Exchange!.Orders.Select(o => (Account: p.Key, Order: o))).ToList();
        foreach (var (account, order) in placed.Where(p => p.Order.ParentOrderId is null))
        {
            journalOrders.ShouldContainKey(order.Request.ClientOrderId, $"{account} placed {order.Request.ClientOrderId}, which the journal lacks");
        }

        var placedIds = placed.Select(p => p.Order.Request.ClientOrderId).ToHashSet(StringComparer.Ordinal);
        var outbox = store.Portfolios.SelectMany(p => p.Value.UnjournalledOrders.Select(o => o.ClientOrderId)).ToHashSet(StringComparer.Ordinal);
        foreach (var order in store.Orders.Where(o => o.Status == "pending"))
        {
            (placedIds.Contains(order.ClientOrderId) && !outbox.Contains(order.ClientOrderId))
                .ShouldBeFalse($"journal order {order.ClientOrderId} is pending but {order.AccountId} placed it and its status left the outbox");
        }
    }

    /// <summary>Each account's balances and positions are its starting capital plus its fills, each applied once, in order.</summary>
    public static void AccountsEqualTheirFills(StoreSnapshot store)
    {
        foreach (var (account, state) in store.Portfolios)
        {
            var saved = state.Exchange.ShouldNotBeNull().Account;
            var replay = new Account(account, PaperConfig.StartingCapital, state.CreatedAt.ShouldNotBeNull(), saved.MaxLeverage, saved.MarginOpeningFeeRate);
            foreach (var fill in state.Fills)
            {
                replay.Apply(fill);
            }

            NonZero(replay.Balances).ShouldBe(NonZero(saved.Balances), $"{account}: balances replayed from its {state.Fills.Count} fills");
            Positions(replay.Positions).ShouldBe(Positions(saved.Positions), $"{account}: positions replayed from its {state.Fills.Count} fills");
        }
    }

    private static readonly TimeSpan CandleLength = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Every equity snapshot in the journal (or still in the account's outbox) shows the balances the account had then:
    /// its starting capital plus the fills booked before the snapshot's time (fills carry their candle's open time; a
    /// sync at t books the candles closed by t).
    /// </summary>
    public static void EquitySnapshotsMatchTheFills(StoreSnapshot store)
    {
        foreach (var (account, state) in store.Portfolios)
        {
            var saved = state.Exchange.ShouldNotBeNull().Account;
            var snapshots = store.Equity[account].Select(e => (e.TakenAt, e.Balances)).ToList();
            if (state.UnjournalledSnapshot is { } outbox)
            {
                snapshots.Add((outbox.Timestamp, outbox.Balances));
            }

            foreach (var snapshot in snapshots)
            {
                var replay = new Account(account, PaperConfig.StartingCapital, state.CreatedAt.ShouldNotBeNull(), saved.MaxLeverage, saved.MarginOpeningFeeRate);
                // A paper fill is stamped with its candle's open time, and a sync (which takes the snapshot) only
                // sees candles closed by then: the snapshot at S holds the fills of candles with open + 1 min <= S.
                // (Comparing open times with S would count a fill of the candle still open at S, seen a sync later.)
                foreach (var fill in state.Fills.Where(f => f.Timestamp + CandleLength <= snapshot.TakenAt))
                {
                    replay.Apply(fill);
                }

                NonZero(snapshot.Balances).ShouldBe(NonZero(replay.Balances), $"{account}: journalled equity snapshot at {snapshot.TakenAt:O}");
            }
        }
    }

    /// <summary>
    /// <paramref name="after"/> (a later run on the same data) still has everything of <paramref name="before"/>: every
    /// decision, order and fill of the journal, every account with its fills as the start of its fills now (so the
    /// balances and positions of the kill are where the account went on from), and what the outbox held then is
    /// journalled now. Cycle progress never goes back.
    /// </summary>
    public static void KeepsEverythingOf(StoreSnapshot after, StoreSnapshot before)
    {
        after.DecisionKeys.ToHashSet(StringComparer.Ordinal).IsSupersetOf(before.DecisionKeys).ShouldBeTrue("decisions journalled before are gone");
        var ordersAfter = after.Orders.ToDictionary(o => o.ClientOrderId, StringComparer.Ordinal);
        foreach (var order in before.Orders)
        {
            ordersAfter.ShouldContainKey(order.ClientOrderId, "an order journalled before is gone");
            (ordersAfter[order.ClientOrderId].AccountId, ordersAfter[order.ClientOrderId].Volume).ShouldBe((order.AccountId, order.Volume));
        }

        var fillsAfter = after.Fills.ToDictionary(f => f.FillId, StringComparer.Ordinal);
        foreach (var fill in before.Fills)
        {
            fillsAfter.ShouldContainKey(fill.FillId, "a fill journalled before is gone");
            fillsAfter[fill.FillId].ShouldBe(fill);
        }

        foreach (var (account, state) in before.Portfolios)
        {
            after.Portfolios.ShouldContainKey(account);
            var later = after.Portfolios[account];
            later.CreatedAt.ShouldBe(state.CreatedAt, $"{account} was opened again");
            later.Fills.Count.ShouldBeGreaterThanOrEqualTo(state.Fills.Count, $"{account} lost fills");
            later.Fills.Take(state.Fills.Count).ShouldBe(state.Fills, $"{account}'s fills at the kill are not where it went on from");
            foreach (var fill in state.Fills.Skip(state.JournalledFills))
            {
                fillsAfter.ShouldContainKey($"{account}:{fill.TradeId}", $"{account}'s fill {fill.TradeId} was in the outbox at the kill and never journalled");
            }

            if (state.UnjournalledSnapshot is { } snapshot)
            {
                // the journal keeps times to the microsecond
                after.Equity[account].Select(e => e.TakenAt).ShouldContain(snapshot.Timestamp.AddTicks(-(snapshot.Timestamp.Ticks % 10)),
                    $"{account}'s equity snapshot at {snapshot.Timestamp:O} was in the outbox at the kill and never journalled");
            }

            foreach (var pending in state.UnjournalledOrders.Where(o => o.OrderId is not null))
            {
                ordersAfter[pending.ClientOrderId].Status.ShouldNotBe("pending", $"{account}'s order {pending.ClientOrderId} was placed before the kill");
            }

            var placedBefore = state.Exchange!.Orders.Select(o => o.Request.ClientOrderId).ToHashSet(StringComparer.Ordinal);
            later.Exchange!.Orders.Select(o => o.Request.ClientOrderId).ToHashSet(StringComparer.Ordinal).IsSupersetOf(placedBefore)
                .ShouldBeTrue($"{account} forgot orders it had placed");
        }

        var cycleBefore = before.Cycle.ShouldNotBeNull();
        var cycleAfter = after.Cycle.ShouldNotBeNull();
        cycleAfter.Enabled.ShouldBeTrue();
        cycleAfter.CompletedCycle.ShouldBeGreaterThan(cycleBefore.CompletedCycle, "no cycle completed after the restart");
        cycleAfter.CyclesRun.ShouldBeGreaterThan(cycleBefore.CyclesRun);
        after.Anchor.ShouldBe(before.Anchor, "the market clock's anchor changed");
    }

    private static List<KeyValuePair<TripleGain.Core.Market.Asset, decimal>> NonZero(IReadOnlyDictionary<TripleGain.Core.Market.Asset, decimal> balances) =>
        [.. balances.Where(b => b.Value != 0m).OrderBy(b => b.Key)];

    private static List<(string, PositionSide, decimal, decimal, decimal)> Positions(IEnumerable<PositionState> positions) =>
        [.. positions.Select(p => (p.Pair.Symbol, p.Side, p.Volume, p.EntryPrice, p.Leverage)).OrderBy(p => p.Symbol).ThenBy(p => p.Leverage)];
}
