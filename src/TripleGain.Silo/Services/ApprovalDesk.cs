using System.Globalization;
using TripleGain.Core.Market;
using TripleGain.Core.Stages;
using TripleGain.Grains;
using TripleGain.Grains.Approvals;
using TripleGain.Grains.Market;

namespace TripleGain.Silo.Services;

/// <summary>
/// The approvals page over every account's approval queue grain. Approve and reject go to the grain, which re-runs the
/// risk check at the current price, refuses expired items and journals the person and the time.
/// </summary>
public sealed class ApprovalDesk(IGrainFactory grains, MarketClock clock, StageDesk stages) : IApprovalDesk, ILiveSource
{
    public async Task<ApprovalsView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var pending = new List<ApprovalItem>();
        var recent = new List<ApprovalItem>();
        var now = clock.UtcNow;
        foreach (var account in await stages.AccountsAsync())
        {
            var view = await grains.GetGrain<IApprovalQueueGrain>(account).ListAsync();
            pending.AddRange(view.Pending);
            recent.AddRange(view.Recent);
            now = view.Now > now ? view.Now : now;
        }

        var prices = new Dictionary<Pair, decimal?>();
        foreach (var pair in pending.Select(i => i.Pair).Distinct())
        {
            var last = await grains.GetGrain<ITradingPairGrain>(pair.Symbol).RecentCandlesAsync(Timeframe.M1, 1);
            prices[pair] = last.Count == 0 ? null : last[^1].Close;
        }

        return new ApprovalsView(
            now,
            clock.Speed,
            [.. pending.OrderBy(i => i.RequestedAt).Select(i => Row(i, prices.GetValueOrDefault(i.Pair)))],
            [.. recent.OrderByDescending(i => i.DecidedAt ?? i.ExpiresAt).Take(50).Select(i => Row(i, null))]);
    }

    public Task<DeskResult> ApproveAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(accountId, by, queue => queue.ApproveAsync(approvalId, by, comment));

    public Task<DeskResult> RejectAsync(string accountId, long approvalId, string by, string? comment, CancellationToken cancellationToken = default) =>
        DecideAsync(accountId, by, queue => queue.RejectAsync(approvalId, by, comment));

    public async ValueTask<string> ReadTokenAsync(CancellationToken cancellationToken)
    {
        var parts = new List<string>();
        foreach (var account in await stages.AccountsAsync())
        {
            var view = await grains.GetGrain<IApprovalQueueGrain>(account).ListAsync();
            parts.Add(string.Create(CultureInfo.InvariantCulture,
                $"{string.Join(',', view.Pending.Select(i => i.Id))}/{view.Recent.Count}/{string.Join(',', view.Pending.Select(i => i.LastRefusal?.Length ?? 0))}"));
        }

        return "approvals:" + string.Join(';', parts);
    }

    private static ApprovalRow Row(ApprovalItem item, decimal? priceNow) => new(
        item.Id,
        item.AccountId,
        item.Model,
        item.Pair,
        item.Side,
        item.Volume,
        item.NotionalUsd,
        item.PriceThen,
        priceNow,
        item.Decision.Reasoning,
        item.Verdict.Outcome.ToString(),
        item.Verdict.Reason,
        item.Rule,
        item.RequestedAt,
        item.ExpiresAt,
        item.Status.ToString(),
        item.DecidedBy,
        item.DecidedAt,
        item.Comment,
        item.Outcome,
        item.LastRefusal);

    private async Task<DeskResult> DecideAsync(string accountId, string by, Func<IApprovalQueueGrain, Task<ApprovalResult>> decide)
    {
        if (!StageStatus.IsPerson(by))
        {
            return DeskResult.Refused("Only a signed-in person may approve or reject.");
        }

        if (!(await stages.AccountsAsync()).Contains(accountId))
        {
            return DeskResult.Refused($"There is no account '{accountId}'.");
        }

        var result = await decide(grains.GetGrain<IApprovalQueueGrain>(accountId));
        return new DeskResult(result.Outcome is ApprovalOutcome.Placed or ApprovalOutcome.Rejected, result.Message);
    }
}
