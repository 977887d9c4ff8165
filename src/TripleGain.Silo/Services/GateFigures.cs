using TripleGain.Core.Configuration;
using TripleGain.Core.Metrics;
using TripleGain.Core.Stages;
using TripleGain.Grains.Models;
using TripleGain.Grains.Portfolio;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>
/// Measures an account's gate figures (<see cref="GateInputs"/>) without side effects: days from its stage; trades,
/// Sharpe, max drawdown, win rate and profit factor of its account since the capital stage began (journalled equity
/// snapshots and the round trips its portfolio grain replays from its fills); live P&amp;L on a live stage; decision
/// latency p95 and parse success from the model trading it (<see cref="TradingAccounts.CurrentAsync"/>: its own model
/// in comparison mode, the chosen model of "paper:main" or "live:main"); uptime as the share of that model's calls
/// answered without error or timeout. Slippage and fill rate are not measured (null: unknown).
/// </summary>
public sealed class GateFigures(IGrainFactory grains, IDecisionJournal journal, TradingConfig config, IModelRegistry models)
{
    public async Task<GateInputs> MeasureAsync(StageView view, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(view);
        var status = view.Status;
        var now = view.Now;
        var inputs = new GateInputs
        {
            PaperTradingDays = status.Phase == Phase.PaperTrading ? status.DaysInPhase(now) : null,
            DaysAtStage = status.DaysAtStage(now),
        };

        var (points, performance) = await AccountPerformance.ReadAsync(grains, journal, view.AccountId, status.StageStartedAt, 2, cancellationToken);
        if (performance is { } report)
        {
            inputs = inputs.WithPerformance(report);
            if (report.TradeCount == 0)
            {
                inputs = inputs with { WinRate = null, ProfitFactor = null, ProfitFactorUnbounded = false };
            }

            if (status.Position.IsLive)
            {
                inputs = inputs with { LivePnlUsd = points[^1].Equity - points[0].Equity };
            }
        }

        var accounts = await TradingAccounts.CurrentAsync(grains, config, models);
        if (accounts.FirstOrDefault(a => a.AccountId == view.AccountId)?.ModelId is { } model)
        {
            var stats = await grains.GetGrain<IModelGrain>(model).GetStatsAsync();
            inputs = inputs with
            {
                Uptime = stats.Uptime is { } uptime ? Math.Clamp(uptime, 0, 1) : null,
                DecisionLatencyP95 = stats.LatencyP95Ms is { } p95 ? TimeSpan.FromMilliseconds(p95) : null,
                ParseSuccessRate = stats.ParseSuccessRate,
            };
        }

        return inputs;
    }
}
