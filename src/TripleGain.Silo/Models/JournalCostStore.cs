using TripleGain.Journal;
using TripleGain.Llm.Costs;

namespace TripleGain.Silo.Models;

/// <summary>The LLM cost ledger's totals in the journal's table llm_daily_spend, so a restart keeps the daily budgets.</summary>
public sealed class JournalCostStore(SqlLlmSpend spend) : ICostStore
{
    public async Task<IReadOnlyList<DailyCost>> LoadDayAsync(DateOnly day, CancellationToken cancellationToken = default)
    {
        var rows = await spend.DayAsync(day, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => new DailyCost(r.ModelId, r.Day, r.CostUsd, r.Calls, r.InputTokens, r.OutputTokens))];
    }

    public Task SaveAsync(DailyCost totals, DateTime updatedAtUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(totals);
        return spend.RecordAsync(
            new LlmSpendRecord(totals.ModelId, totals.Day, totals.CostUsd, totals.Calls, totals.InputTokens, totals.OutputTokens, updatedAtUtc),
            cancellationToken);
    }
}
