namespace TripleGain.Llm.Costs;

/// <summary>
/// Where the <see cref="CostLedger"/> keeps each model's running totals of a UTC day, so that a restart does not reset
/// the daily budget (the silo keeps them in the journal's table <c>llm_daily_spend</c>).
/// </summary>
public interface ICostStore
{
    /// <summary>Every model's totals of <paramref name="day"/>.</summary>
    Task<IReadOnlyList<DailyCost>> LoadDayAsync(DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Writes a model's totals of a day (a total with fewer calls than the stored one is ignored).</summary>
    Task SaveAsync(DailyCost totals, DateTime updatedAtUtc, CancellationToken cancellationToken = default);
}
