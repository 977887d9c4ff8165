using System.Globalization;
using Microsoft.Extensions.Logging;
using TripleGain.Core.Agents;
using TripleGain.Core.Configuration;
using TripleGain.Core.Cycles;
using TripleGain.Core.Exchange;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.Grains.Market;
using TripleGain.Grains.Operator;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Grains.Approvals;

/// <inheritdoc cref="IApprovalQueueGrain"/>
/// <remarks>
/// Approve, in order: person -> pending -> not expired -> trading allowed (stage grain) -> risk check at the current
/// price -> the journal records the decision (it is the arbiter of expiry) -> the item is written Approved with the
/// order as approved -> the portfolio executes it under "approval-&lt;id&gt;" -> the item is written Executed. A crash
/// after the decision is finished by <see cref="ExpireDueAsync"/> (the next cycle) with the same idempotent cycle id.
/// The grain is not reentrant: two approvals of one item run one after the other and the second finds it decided.
/// </remarks>
[GrainType("approval-queue")]
public sealed class ApprovalQueueGrain(
    [PersistentState("approvals", StorageNames.Grains)] IPersistentState<ApprovalQueueState> state,
    MarketClock clock,
    TradingConfig config,
    IDecisionJournal journal,
    ILogger<ApprovalQueueGrain> logger) : Grain, IApprovalQueueGrain
{
    /// <summary>How many decided items are kept for the UI (the journal keeps them all).</summary>
    public const int RecentMemory = 100;

    private static readonly RiskAgent Risk = new();

    private string AccountId => this.GetPrimaryKeyString();

    private PairCatalog Catalog { get; } = PairCatalog.Kraken.WithFees(config.MakerFee, config.TakerFee);

    /// <summary>"approval-&lt;id&gt;": the portfolio cycle id that executes an approved item at most once.</summary>
    public static string ExecutionCycleIdOf(long approvalId) => string.Create(CultureInfo.InvariantCulture, $"approval-{approvalId}");

    public async Task<ApprovalItem> EnqueueAsync(TradeForApproval trade)
    {
        Validate(trade);
        var recorded = await journal.CreateApprovalAsync(new ApprovalRequest(
            trade.Order.Entry.ClientOrderId, AccountId, trade.DecisionId, trade.RequestedAt, trade.ExpiresAt));
        var record = recorded.Value;
        if (Find(record.Id) is { } existing)
        {
            return existing;
        }

        var item = new ApprovalItem(
            record.Id, AccountId, trade.CycleId, trade.Order, record.DecisionId, trade.NotionalUsd, trade.PriceThen, trade.QuoteUsdThen,
            record.RequestedAt, record.ExpiresAt, trade.Rule, StatusOf(record.Status), record.DecidedBy, record.DecidedAt, record.Comment);
        await SaveAsync([.. state.State.Items, item]);
        GrainFactory.Publish(OperatorChangeKind.ApprovalQueued, AccountId, logger);
        logger.LogInformation("{Account}: {Side} {Volume} {Pair} (${Notional:0.00}) waits for approval #{Id} until {Expires:O}: {Rule}",
            AccountId, item.Side, item.Volume, item.Pair, item.NotionalUsd, item.Id, item.ExpiresAt, item.Rule);
        return item;
    }

    public async Task<ApprovalQueueView> ListAsync()
    {
        var now = clock.UtcNow;
        await ExpireCoreAsync(now);
        var items = state.State.Items;
        return new ApprovalQueueView(
            AccountId,
            now,
            clock.Speed,
            [.. items.Where(i => i.IsPending).OrderBy(i => i.RequestedAt).ThenBy(i => i.Id)],
            [.. items.Where(i => !i.IsPending).OrderByDescending(i => i.DecidedAt).ThenByDescending(i => i.Id)]);
    }

    public async Task<ApprovalResult> ApproveAsync(long approvalId, string by, string? comment, decimal? currentPrice = null)
    {
        if (currentPrice is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(currentPrice), currentPrice, "The current price must be above 0 (or null: the market's latest price).");
        }

        var item = Find(approvalId);
        if (!StageStatus.IsPerson(by))
        {
            return new ApprovalResult(ApprovalOutcome.PersonRequired, $"Only a named person may approve a trade; '{by}' is not one.", item);
        }

        if (item is null)
        {
            return NotFound(approvalId);
        }

        if (!item.IsPending)
        {
            return AlreadyDecided(item);
        }

        var now = clock.UtcNow;
        if (now >= item.ExpiresAt)
        {
            var journalled = await journal.DecideApprovalAsync(approvalId, ApprovalStatus.Approved, by, comment, now);
            return await ExpiredAsync(item, journalled.Approval, now, $"approve by {by}");
        }

        var stage = await GrainFactory.GetGrain<IStageGrain>(AccountId).GetAsync();
        var rules = stage.Rules;
        if (!rules.TradingAllowed)
        {
            return await RefuseAsync(item, ApprovalOutcome.TradingHalted, $"Trading is halted ({rules.HaltReason}): nothing may be approved now.", null);
        }

        var prices = await PricesAsync(now, item.Pair, currentPrice);
        var verdict = Check(item, prices, await GrainFactory.GetGrain<IPortfolioGrain>(AccountId).SnapshotAsync(now), rules.ApplyTo(config.Constraints));
        if (!verdict.IsApproved || verdict.Volume <= 0)
        {
            var price = prices.TryGetPrice(item.Pair, out var p) ? p.ToString(CultureInfo.InvariantCulture) : "none";
            return await RefuseAsync(item, ApprovalOutcome.RiskRefused,
                $"The risk check at the current price {price} (then {item.PriceThen.ToString(CultureInfo.InvariantCulture)}) refuses the trade: {verdict.Rule}: {verdict.Reason}.",
                verdict);
        }

        var decided = await journal.DecideApprovalAsync(approvalId, ApprovalStatus.Approved, by, comment, now);
        switch (decided.Outcome)
        {
            case ApprovalDecisionOutcome.Expired:
                return await ExpiredAsync(item, decided.Approval, now, $"approve by {by}");
            case ApprovalDecisionOutcome.NotFound:
                return NotFound(approvalId);
            case ApprovalDecisionOutcome.AlreadyDecided when decided.Approval is not { Status: ApprovalStatus.Approved }:
                var synced = await UpdateAsync(item with
                {
                    Status = StatusOf(decided.Approval?.Status ?? ApprovalStatus.Rejected),
                    DecidedBy = decided.Approval?.DecidedBy,
                    DecidedAt = decided.Approval?.DecidedAt,
                    Comment = decided.Approval?.Comment,
                });
                return AlreadyDecided(synced);
        }

        // Decided now, or approved in the journal by an attempt a crash interrupted: place it.
        var entry = EntryFor(item, verdict);
        var approved = await UpdateAsync(item with
        {
            Status = ApprovalItemStatus.Approved,
            DecidedBy = decided.Approval?.DecidedBy ?? by,
            DecidedAt = decided.Approval?.DecidedAt ?? now,
            Comment = decided.Approval is null ? comment : decided.Approval.Comment,
            LastRefusal = null,
            PlacedEntry = entry,
            Outcome = "approved; placing the order",
        });
        return await ExecuteAsync(approved, entry, verdict, now);
    }

    public async Task<ApprovalResult> RejectAsync(long approvalId, string by, string? comment)
    {
        var item = Find(approvalId);
        if (!StageStatus.IsPerson(by))
        {
            return new ApprovalResult(ApprovalOutcome.PersonRequired, $"Only a named person may reject a trade; '{by}' is not one.", item);
        }

        if (item is null)
        {
            return NotFound(approvalId);
        }

        if (!item.IsPending)
        {
            return AlreadyDecided(item);
        }

        var now = clock.UtcNow;
        var decided = await journal.DecideApprovalAsync(approvalId, ApprovalStatus.Rejected, by, comment, now);
        switch (decided.Outcome)
        {
            case ApprovalDecisionOutcome.Decided:
                var rejected = await UpdateAsync(item with
                {
                    Status = ApprovalItemStatus.Rejected,
                    DecidedBy = by,
                    DecidedAt = now,
                    Comment = comment,
                    Outcome = $"rejected by {by}",
                });
                logger.LogInformation("{Account}: approval #{Id} rejected by {By}: {Comment}", AccountId, approvalId, by, comment);
                return new ApprovalResult(ApprovalOutcome.Rejected, $"Rejected by {by}: nothing is placed.", rejected);
            case ApprovalDecisionOutcome.Expired:
                return await ExpiredAsync(item, decided.Approval, now, $"reject by {by}");
            case ApprovalDecisionOutcome.NotFound:
                return NotFound(approvalId);
            default:
                var synced = await UpdateAsync(item with
                {
                    Status = StatusOf(decided.Approval!.Status),
                    DecidedBy = decided.Approval.DecidedBy,
                    DecidedAt = decided.Approval.DecidedAt,
                    Comment = decided.Approval.Comment,
                });
                return AlreadyDecided(synced);
        }
    }

    public async Task<IReadOnlyList<ApprovalItem>> ExpireDueAsync(DateTime nowUtc)
    {
        if (nowUtc.Kind == DateTimeKind.Local)
        {
            throw new ArgumentException($"nowUtc {nowUtc:O} is a local time: times must be UTC.", nameof(nowUtc));
        }

        var expired = await ExpireCoreAsync(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc));
        foreach (var interrupted in state.State.Items.Where(i => i.Status == ApprovalItemStatus.Approved && !i.Executed).ToList())
        {
            logger.LogWarning("{Account}: approval #{Id} was approved but not placed (interrupted): placing it now", AccountId, interrupted.Id);
            await ExecuteAsync(interrupted, interrupted.PlacedEntry ?? interrupted.Entry, null, nowUtc);
        }

        return expired;
    }

    private static void Validate(TradeForApproval trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        ArgumentNullException.ThrowIfNull(trade.Order, nameof(trade));
        ArgumentException.ThrowIfNullOrWhiteSpace(trade.CycleId, nameof(trade));
        ArgumentException.ThrowIfNullOrWhiteSpace(trade.Rule, nameof(trade));
        if (trade.NotionalUsd < 0 || trade.PriceThen <= 0 || trade.QuoteUsdThen <= 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"Trade {trade.Order.Entry.ClientOrderId}: notional {trade.NotionalUsd} must not be negative and the prices then ({trade.PriceThen}, quote {trade.QuoteUsdThen}) must be above 0."), nameof(trade));
        }

        if (trade.RequestedAt.Kind == DateTimeKind.Local || trade.ExpiresAt <= trade.RequestedAt)
        {
            throw new ArgumentException(
                $"Trade {trade.Order.Entry.ClientOrderId}: queued at {trade.RequestedAt:O} (UTC) must expire later, not at {trade.ExpiresAt:O}.", nameof(trade));
        }
    }

    private static ApprovalItemStatus StatusOf(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Approved => ApprovalItemStatus.Approved,
        ApprovalStatus.Rejected => ApprovalItemStatus.Rejected,
        ApprovalStatus.Expired => ApprovalItemStatus.Expired,
        _ => ApprovalItemStatus.Pending,
    };

    /// <summary>The queued order at the volume the check allows (never more than queued) with the check's stop and target.</summary>
    private static OrderRequest EntryFor(ApprovalItem item, RiskVerdict verdict)
    {
        var entry = item.Entry;
        var volume = Math.Min(entry.Volume, verdict.Volume);
        return item.Order.Intent == TradeIntent.Open
            ? entry with { Volume = volume, StopLoss = verdict.StopLoss ?? entry.StopLoss, TakeProfit = verdict.TakeProfit ?? entry.TakeProfit }
            : entry with { Volume = volume };
    }

    private static ApprovalResult NotFound(long approvalId) =>
        new(ApprovalOutcome.NotFound, string.Create(CultureInfo.InvariantCulture, $"No approval #{approvalId} in this account's queue."), null);

    private static ApprovalResult AlreadyDecided(ApprovalItem item) =>
        new(ApprovalOutcome.AlreadyDecided, item.Status switch
        {
            ApprovalItemStatus.Expired => $"Approval #{item.Id} is already decided: it expired at {item.ExpiresAt:O}.",
            _ => $"Approval #{item.Id} is already decided: {item.Status.ToString().ToLowerInvariant()} by {item.DecidedBy} at {item.DecidedAt:O}.",
        }, item);

    private RiskVerdict Check(ApprovalItem item, PriceBook prices, TripleGain.Core.Portfolio.PortfolioSnapshot snapshot, TradingConstraints constraints)
    {
        var pair = item.Pair;
        var priced = Catalog.Contains(pair) && prices.TryGetPrice(pair, out _)
            && (pair.Quote == Asset.USDT || prices.TryGetPrice(new Pair(pair.Quote, Asset.USDT), out _));
        return priced
            ? Risk.Run(RiskInput.From(item.Decision, snapshot, constraints, prices, Catalog))
            : new RiskVerdict(item.Decision, RiskOutcome.Rejected, 0m, 0m, 0m, 1m, null, null, CyclePlanner.NoPriceRule, $"{pair} has no current price to check the trade against");
    }

    private async Task<PriceBook> PricesAsync(DateTime now, Pair pair, decimal? currentPrice)
    {
        var refreshes = await Task.WhenAll(config.Pairs.Select(p => GrainFactory.GetGrain<ITradingPairGrain>(p.Symbol).RefreshAsync(now)));
        var prices = refreshes.OfType<PairIndicators>().ToDictionary(p => p.Pair, p => p.LastPrice);
        if (currentPrice is { } price)
        {
            prices[pair] = price;
        }

        return new PriceBook(prices);
    }

    private async Task<ApprovalResult> ExecuteAsync(ApprovalItem item, OrderRequest entry, RiskVerdict? verdict, DateTime now)
    {
        var report = await GrainFactory.GetGrain<IPortfolioGrain>(AccountId).ExecuteAsync(item.ExecutionCycleId, [entry], now);
        var result = report.Results.FirstOrDefault();
        var volume = entry.Volume.ToString(CultureInfo.InvariantCulture);
        var (outcome, text) =
            report.AlreadyExecuted ? (ApprovalOutcome.Placed, $"placed earlier under {item.ExecutionCycleId}")
            : result is { IsAccepted: true } ? (ApprovalOutcome.Placed, $"placed {entry.Side} {volume} {entry.Pair} as order {result.Order.OrderId} ({entry.ClientOrderId})")
            : (ApprovalOutcome.OrderRejected, $"the exchange rejected {entry.Side} {volume} {entry.Pair}: {result?.Error?.Code}: {result?.Error?.Message}");
        var executed = await UpdateAsync(item with { Executed = true, Outcome = text });
        logger.LogInformation("{Account}: approval #{Id} approved by {By}: {Outcome}", AccountId, item.Id, item.DecidedBy, text);
        return new ApprovalResult(outcome, $"Approved by {item.DecidedBy}: {text}.", executed, verdict, result);
    }

    private async Task<ApprovalResult> ExpiredAsync(ApprovalItem item, ApprovalRecord? record, DateTime now, string attempt)
    {
        var expired = await UpdateAsync(item with
        {
            Status = ApprovalItemStatus.Expired,
            DecidedAt = record?.DecidedAt ?? item.ExpiresAt,
            Outcome = $"expired at {item.ExpiresAt:O}; {attempt} at {now:O} refused",
        });
        return new ApprovalResult(ApprovalOutcome.Expired, $"Approval #{item.Id} expired at {item.ExpiresAt:O}: it can no longer be approved or rejected.", expired);
    }

    private async Task<ApprovalResult> RefuseAsync(ApprovalItem item, ApprovalOutcome outcome, string message, RiskVerdict? verdict)
    {
        var refused = await UpdateAsync(item with { LastRefusal = message });
        logger.LogInformation("{Account}: approving #{Id} refused: {Message}", AccountId, item.Id, message);
        return new ApprovalResult(outcome, message, refused, verdict);
    }

    private async Task<IReadOnlyList<ApprovalItem>> ExpireCoreAsync(DateTime now)
    {
        var due = state.State.Items.Where(i => i.IsPending && i.ExpiresAt <= now).ToList();
        if (due.Count == 0)
        {
            return [];
        }

        await journal.ExpireDueApprovalsAsync(now);
        var expired = due.Select(i => i with
        {
            Status = ApprovalItemStatus.Expired,
            DecidedAt = i.ExpiresAt,
            Outcome = $"expired at {i.ExpiresAt:O}: nobody decided in time",
        }).ToList();
        var byId = expired.ToDictionary(i => i.Id);
        await SaveAsync([.. state.State.Items.Select(i => byId.GetValueOrDefault(i.Id, i))]);
        GrainFactory.Publish(OperatorChangeKind.ApprovalExpired, AccountId, logger);
        foreach (var item in expired)
        {
            logger.LogInformation("{Account}: approval #{Id} ({Side} {Volume} {Pair}) expired at {Expires:O}", AccountId, item.Id, item.Side, item.Volume, item.Pair, item.ExpiresAt);
        }

        return expired;
    }

    private ApprovalItem? Find(long approvalId) => state.State.Items.FirstOrDefault(i => i.Id == approvalId);

    /// <summary>Writes one changed item and tells the operator UI (an expiry, or else the outcome of a person's action).</summary>
    private async Task<ApprovalItem> UpdateAsync(ApprovalItem item)
    {
        await SaveAsync([.. state.State.Items.Select(i => i.Id == item.Id ? item : i)]);
        GrainFactory.Publish(item.Status == ApprovalItemStatus.Expired ? OperatorChangeKind.ApprovalExpired : OperatorChangeKind.ApprovalDecided, AccountId, logger);
        return item;
    }

    /// <summary>Writes the items, keeping every pending or unplaced one and the <see cref="RecentMemory"/> latest decided.</summary>
    private async Task SaveAsync(IReadOnlyList<ApprovalItem> items)
    {
        var forgotten = items.Where(i => !i.IsPending && !(i.Status == ApprovalItemStatus.Approved && !i.Executed))
            .OrderByDescending(i => i.DecidedAt).ThenByDescending(i => i.Id)
            .Skip(RecentMemory)
            .Select(i => i.Id)
            .ToHashSet();
        state.State = state.State with { Items = [.. items.Where(i => !forgotten.Contains(i.Id))] };
        await state.WriteStateAsync();
    }
}
