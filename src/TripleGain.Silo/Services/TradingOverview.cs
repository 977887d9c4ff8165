using System.Globalization;
using TripleGain.Core.Configuration;
using TripleGain.Core.Market;
using TripleGain.Core.Metrics;
using TripleGain.Grains;
using TripleGain.Grains.Cycle;
using TripleGain.Grains.Market;
using TripleGain.Grains.Models;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>
/// Reads the overview from the grains and the journal without side effects: the cycle grain's status, the pairs'
/// recent candles, each account's equity snapshots (the journal, not the portfolio grain, whose sync would apply fills)
/// and the stage (<see cref="IStageDesk"/>).
/// </summary>
public sealed class TradingOverview(
    IGrainFactory grains,
    IDecisionJournal journal,
    TradingConfig config,
    MarketClock clock,
    CycleHealth health,
    IMarketFeed feed,
    IStageDesk stages,
    IModelRegistry models) : ITradingOverview
{
    /// <summary>
    /// Shown in live mode while no exchange brokerage exists: the live account trades the simulated market on the paper
    /// exchange, so a person never mistakes it for real orders.
    /// </summary>
    public const string LiveRehearsal =
        "Live mode is a rehearsal: no exchange is connected, so live:main trades the simulated market on the paper exchange and no real order is sent";

    /// <summary>At most this many points of each equity curve reach the page.</summary>
    public const int CurvePoints = 240;

    public async Task<OverviewSnapshot> ReadAsync(CancellationToken cancellationToken = default)
    {
        var cycleGrain = grains.GetGrain<ICycleGrain>(CycleKeys.For(config.Mode));
        var status = await cycleGrain.GetStatusAsync();
        var accounts = new List<AccountSummary>();
        foreach (var account in await TradingAccounts.CurrentAsync(grains, config, models))
        {
            accounts.Add(await ReadAccountAsync(account.AccountId, account.ModelId, cancellationToken));
        }

        var prices = new List<PairQuote>();
        foreach (var pair in config.Pairs)
        {
            prices.Add(await ReadQuoteAsync(pair));
        }

        var stage = await stages.ReadAsync(cancellationToken);
        var report = health.Current;
        var cycle = new CycleView(
            status.State.LastCompletedAt,
            status.State.LastDurationMs,
            status.State.CyclesRun,
            status.Running,
            status.State.Enabled,
            status.Interval,
            report.Description,
            status.State.LastError);

        var alerts = new List<OperatorAlert>();
        if (stage.EmergencyStop is { } stop)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Error, $"Emergency stop active since {stop.At:yyyy-MM-dd HH:mm} UTC by {stop.By}: {stop.Reason}"));
        }

        if (stage.Pause is { } pause)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Warning, $"Trading paused since {pause.At:yyyy-MM-dd HH:mm} UTC by {pause.By}: {pause.Reason}"));
        }

        foreach (var waiting in stage.WaitingForPromotion ?? [])
        {
            alerts.Add(new OperatorAlert(AlertLevel.Info, $"{waiting} (tick the checklist and promote on the gates page)"));
        }

        if (status.State.LastError is { } error)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Error, $"Last cycle failed: {error}"));
        }

        if (report.State is CycleState.Stalled or CycleState.Failed)
        {
            alerts.Add(new OperatorAlert(report.State == CycleState.Failed ? AlertLevel.Error : AlertLevel.Warning, $"Cycle health: {report.Description}"));
        }

        if (config.Mode == TradingMode.Live)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Warning, LiveRehearsal));
        }

        if (stage.PendingApprovals > 0)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Warning, $"{stage.PendingApprovals} trade(s) wait for approval"));
        }

        var alertDrawdown = config.Monitoring.AlertDrawdownPct / 100m;
        foreach (var account in accounts.Where(a => a.Drawdown is { } d && d >= alertDrawdown))
        {
            alerts.Add(new OperatorAlert(AlertLevel.Warning,
                string.Create(CultureInfo.InvariantCulture, $"{account.AccountId} is {account.Drawdown:P1} below its peak (alert at {alertDrawdown:P0})")));
        }

        foreach (var rollback in stage.RecentAutomaticChanges)
        {
            alerts.Add(new OperatorAlert(AlertLevel.Warning, rollback));
        }

        return new OverviewSnapshot(
            config.Mode == TradingMode.Live ? "live" : "paper",
            feed is SimulatedMarketFeed
                ? string.Create(CultureInfo.InvariantCulture, $"simulated market, clock x{clock.Speed:0.##}")
                : "Kraken market data",
            stage.Position,
            clock.UtcNow,
            accounts,
            prices,
            cycle,
            alerts);
    }

    /// <summary>Keeps at most <paramref name="count"/> points, evenly spaced, always with the first and the last.</summary>
    public static IReadOnlyList<EquityPoint> Downsample(IReadOnlyList<EquityPoint> points, int count)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count <= count || count < 2)
        {
            return points;
        }

        var result = new List<EquityPoint>(count);
        for (var i = 0; i < count; i++)
        {
            result.Add(points[(int)Math.Round(i * (points.Count - 1) / (double)(count - 1))]);
        }

        return result;
    }

    private async Task<AccountSummary> ReadAccountAsync(string accountId, string modelId, CancellationToken cancellationToken)
    {
        var curve = await journal.EquityCurveAsync(accountId, cancellationToken: cancellationToken);
        if (curve.Count == 0)
        {
            return new AccountSummary(accountId, modelId, null, null, null, null, null, null, []);
        }

        var first = curve[0];
        var last = curve[^1];
        var pnl = last.Equity - first.Equity;

        // From the curve itself (the peak of the journalled snapshots), whatever unit a snapshot's drawdown field uses.
        var peak = curve.Max(s => s.Equity);
        var drawdown = peak <= 0 ? 0m : Math.Max(0m, (peak - last.Equity) / peak);
        var points = curve.Select(s => new EquityPoint(s.TakenAt, s.Equity)).ToList();
        return new AccountSummary(
            accountId,
            modelId,
            last.Equity,
            first.Equity,
            pnl,
            first.Equity == 0 ? null : (double)(pnl / first.Equity),
            drawdown,
            last.TakenAt,
            Downsample(points, CurvePoints));
    }

    private async Task<PairQuote> ReadQuoteAsync(Pair pair)
    {
        var grain = grains.GetGrain<ITradingPairGrain>(pair.Symbol);
        var minute = await grain.RecentCandlesAsync(Timeframe.M1, 1);
        if (minute.Count == 0)
        {
            return new PairQuote(pair, null, null, null);
        }

        var last = minute[^1];
        var hours = await grain.RecentCandlesAsync(Timeframe.H1, 25);
        double? change = hours.Count >= 24 && hours[^24].Open != 0 ? (double)(last.Close / hours[^24].Open) - 1 : null;
        return new PairQuote(pair, last.Close, change, last.Timestamp);
    }
}
