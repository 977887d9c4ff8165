using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TripleGain.Llm.Costs;

/// <summary>
/// Spend per model per UTC day, thread-safe. Models record the cost of each call and read today's total to enforce
/// their daily budget. With an <see cref="ICostStore"/> the totals are written after each call
/// (<see cref="RecordAsync"/>) and read back at start-up (<see cref="RestoreAsync"/>), so a restart does not reset the
/// budget; without one they live in memory only.
/// </summary>
public sealed partial class CostLedger
{
    private readonly ConcurrentDictionary<(string ModelId, DateOnly Day), Totals> _days = new();
    private readonly ICostStore? _store;
    private readonly ILogger _logger;

    public CostLedger()
        : this(null, null)
    {
    }

    /// <param name="store">Where totals are kept across restarts; null keeps them in memory only.</param>
    /// <param name="logger">Logs a store that cannot be written (the call's cost stays counted in memory).</param>
    public CostLedger(ICostStore? store, ILogger<CostLedger>? logger = null)
    {
        _store = store;
        _logger = logger ?? NullLogger<CostLedger>.Instance;
    }

    /// <summary>Whether totals are written to a store.</summary>
    public bool IsPersistent => _store is not null;

    /// <summary>Adds one call's cost and tokens to the UTC day of <paramref name="timestampUtc"/>; returns the day's totals.</summary>
    public DailyCost Record(string modelId, DateTime timestampUtc, decimal costUsd, TokenUsage usage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        if (costUsd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(costUsd), costUsd, "A call's cost must not be negative.");
        }

        var day = Day(timestampUtc);
        var totals = _days.GetOrAdd((modelId, day), _ => new Totals());
        lock (totals)
        {
            totals.CostUsd += costUsd;
            totals.Calls++;
            totals.InputTokens += usage.InputTokens;
            totals.OutputTokens += usage.OutputTokens;
            return totals.ToDailyCost(modelId, day);
        }
    }

    /// <summary>
    /// <see cref="Record"/>, then writes the day's totals to the store. A store failure is logged, never thrown: the
    /// cost stays counted in memory and the next call writes the totals again.
    /// </summary>
    public async Task<DailyCost> RecordAsync(string modelId, DateTime timestampUtc, decimal costUsd, TokenUsage usage, CancellationToken cancellationToken = default)
    {
        var totals = Record(modelId, timestampUtc, costUsd, usage);
        if (_store is not null)
        {
            try
            {
                await _store.SaveAsync(totals, timestampUtc.Kind == DateTimeKind.Utc ? timestampUtc : timestampUtc.ToUniversalTime(), cancellationToken)
                    .ConfigureAwait(false);
            }
#pragma warning disable CA1031 // the spend is still counted in memory; a broken store must not fail the model's decision
            catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogStoreFailed(_logger, modelId, ex.GetType().Name, ex.Message);
            }
        }

        return totals;
    }

    /// <summary>
    /// Takes a day's totals read back from a store: they replace the day's totals in memory when they count more
    /// calls (so restoring twice, or after calls were recorded, never counts a call twice). Returns whether they did.
    /// </summary>
    public bool Restore(DailyCost totals)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentException.ThrowIfNullOrWhiteSpace(totals.ModelId);
        if (totals.CostUsd < 0 || totals.Calls < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totals), totals, "Restored totals must not be negative.");
        }

        var entry = _days.GetOrAdd((totals.ModelId, totals.Day), _ => new Totals());
        lock (entry)
        {
            if (totals.Calls <= entry.Calls)
            {
                return false;
            }

            entry.CostUsd = totals.CostUsd;
            entry.Calls = totals.Calls;
            entry.InputTokens = totals.InputTokens;
            entry.OutputTokens = totals.OutputTokens;
            return true;
        }
    }

    /// <summary>Reads the totals of the UTC day of <paramref name="todayUtc"/> back from the store; returns those taken.</summary>
    public async Task<IReadOnlyList<DailyCost>> RestoreAsync(DateTime todayUtc, CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            return [];
        }

        var rows = await _store.LoadDayAsync(Day(todayUtc), cancellationToken).ConfigureAwait(false);
        return rows.Where(Restore).ToList();
    }

    /// <summary>USD spent by the model on the UTC day of <paramref name="timestampUtc"/>.</summary>
    public decimal SpentOn(string modelId, DateTime timestampUtc) => Day(modelId, timestampUtc).CostUsd;

    /// <summary>The model's totals for the UTC day of <paramref name="timestampUtc"/>.</summary>
    public DailyCost Day(string modelId, DateTime timestampUtc)
    {
        var day = Day(timestampUtc);
        if (!_days.TryGetValue((modelId, day), out var totals))
        {
            return new DailyCost(modelId, day, 0m, 0, 0, 0);
        }

        lock (totals)
        {
            return totals.ToDailyCost(modelId, day);
        }
    }

    private static DateOnly Day(DateTime timestamp) =>
        DateOnly.FromDateTime(timestamp.Kind == DateTimeKind.Local ? timestamp.ToUniversalTime() : timestamp);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId}: the day's LLM spend could not be stored ({Error}: {Message}); it stays counted in memory")]
    private static partial void LogStoreFailed(ILogger logger, string modelId, string error, string message);

    private sealed class Totals
    {
        public decimal CostUsd;
        public int Calls;
        public long InputTokens;
        public long OutputTokens;

        public DailyCost ToDailyCost(string modelId, DateOnly day) => new(modelId, day, CostUsd, Calls, InputTokens, OutputTokens);
    }
}
