using TripleGain.Core.Configuration;
using TripleGain.Core.Selection;
using TripleGain.Grains.Models;
using TripleGain.Grains.Stages;
using TripleGain.Journal;

namespace TripleGain.Silo.Services;

/// <summary>
/// Builds the comparison table: for every active model, the evidence of <see cref="PaperAccountCandidates"/> (its
/// paper account's performance, its model grain's latency, parse success and cost); <see cref="ModelSelector"/> ranks
/// them and names the best model only on evidence (the same candidates the automatic model switch judges).
/// </summary>
public sealed class ModelComparison(IGrainFactory grains, IDecisionJournal journal, TradingConfig config, IModelRegistry models) : IModelComparison
{
    public async Task<ModelComparisonView> ReadAsync(CancellationToken cancellationToken = default)
    {
        var settings = ModelSelectorSettings.Default;
        var benchmarks = new HashSet<string>(settings.Benchmarks, StringComparer.Ordinal);
        var evidence = await new PaperAccountCandidates(grains, journal).EvidenceAsync(config.Models.ActiveModels, cancellationToken);
        var candidates = evidence.Select(e => e.Candidate).OfType<ModelCandidate>().ToList();
        var selection = ModelSelector.Select(candidates, settings);
        var ranks = selection.Ranking.ToDictionary(r => r.ModelId, StringComparer.Ordinal);
        var rows = evidence
            .Select(e =>
            {
                var rank = ranks.GetValueOrDefault(e.ModelId);
                return new ModelRow(
                    e.ModelId,
                    benchmarks.Contains(e.ModelId),
                    e.Stats.Available,
                    rank?.Rank,
                    rank?.Score,
                    e.Report?.EndEquity,
                    e.Report?.TotalReturn,
                    e.Report?.Sharpe,
                    e.Report?.Sortino,
                    e.Report?.MaxDrawdownDepth,
                    e.Report is { TradeCount: > 0 } r ? r.WinRate : null,
                    e.Report is { TradeCount: > 0 } f ? f.ProfitFactor : null,
                    e.Report is { TradeCount: > 0, ProfitFactorUnbounded: true },
                    e.Report?.TradeCount ?? 0,
                    e.Stats.LatencyP50Ms,
                    e.Stats.LatencyP95Ms,
                    e.Stats.ParseSuccessRate,
                    e.Stats.CostUsd,
                    e.Stats.Errors,
                    e.Stats.Timeouts,
                    e.Stats.LastError);
            })
            .OrderBy(r => r.Rank ?? int.MaxValue)
            .ThenBy(r => r.ModelId, StringComparer.Ordinal)
            .ToList();
        return new ModelComparisonView(rows, selection.Best, selection.Reason, await TradingModelAsync());
    }

    public async Task<DeskResult> ChooseAsync(string modelId, string by, string reason)
    {
        if (TradingAccounts.SingleAccountId(config) is not { } accountId)
        {
            return DeskResult.Refused("Paper comparison mode: every model trades its own account, there is no single trading model to choose.");
        }

        if (string.IsNullOrWhiteSpace(by))
        {
            return DeskResult.Refused("Only a signed-in person can change the trading model.");
        }

        try
        {
            var view = await grains.GetGrain<IAccountModelGrain>(accountId).ChooseAsync(modelId, by, reason);
            return DeskResult.Done($"{accountId} is now traded by {view.ModelId}.");
        }
        catch (ArgumentException ex)
        {
            return DeskResult.Refused(ex.Message);
        }
    }

    /// <summary>The single account's model as the cycle resolves it (<see cref="TradingAccounts"/>), or null in comparison mode.</summary>
    private async Task<TradingModelView?> TradingModelAsync()
    {
        if (TradingAccounts.SingleAccountId(config) is not { } accountId)
        {
            return null;
        }

        var chosen = await grains.GetGrain<IAccountModelGrain>(accountId).GetAsync();
        if (TradingAccounts.Of(config, models, chosen.ModelId) is not [var account])
        {
            return null;
        }

        return new TradingModelView(
            accountId,
            account.ModelId,
            account.FallbackModelId,
            string.Equals(chosen.ModelId, account.ModelId, StringComparison.Ordinal),
            config.Models.AutoSwitchEnabled,
            chosen.LastCheck,
            chosen.Changes.Count > 0 ? chosen.Changes[^1] : null);
    }
}
