using Microsoft.Extensions.Logging;
using TripleGain.Core.Agents;

namespace TripleGain.Grains.Models;

/// <inheritdoc cref="IModelGrain"/>
[GrainType("model")]
public sealed class ModelGrain(
    [PersistentState("model", StorageNames.Grains)] IPersistentState<ModelState> state,
    IModelRegistry registry,
    TimeProvider time,
    ILogger<ModelGrain> logger) : Grain, IModelGrain
{
    /// <summary>How many recent latencies the percentiles are computed from.</summary>
    public const int LatencyWindow = 500;

    private string ModelId => this.GetPrimaryKeyString();

    public async Task<DecisionRun> DecideAsync(DecisionContext context, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = registry.Find(ModelId);
        var started = time.GetTimestamp();
        DecisionRun run;
        string? error = null;
        var timedOut = false;
        if (model is null)
        {
            error = $"model '{ModelId}' is not configured";
            run = Failed(context, error, TimeSpan.Zero);
        }
        else
        {
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                run = await model.RunAsync(context, cts.Token).AsTask().WaitAsync(timeout, time, cts.Token);
                if (run.Error is { } failure)
                {
                    // The model answered for itself that it could not decide (provider failure, rejected key): an
                    // error like an exception, journalled with the reason, never a parse failure.
                    error = failure;
                    run = run with { Trace = run.Trace ?? FailedTrace(failure, time.GetElapsedTime(started)) };
                }
            }
            catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
            {
                timedOut = true;
                error = $"no answer within {timeout.TotalSeconds:0.#} s";
                run = Failed(context, error, time.GetElapsedTime(started));
            }
#pragma warning disable CA1031 // a failing model must never fail the cycle: the error is recorded and the model holds
            catch (Exception ex)
#pragma warning restore CA1031
            {
                error = $"{ex.GetType().Name}: {ex.Message}";
                logger.LogWarning("Model {Model} failed: {Error}", ModelId, error);
                run = Failed(context, error, time.GetElapsedTime(started));
            }
        }

        var latency = run.Trace?.Latency is { } traced && traced > TimeSpan.Zero ? traced : time.GetElapsedTime(started);
        var s = state.State;
        var latencies = s.RecentLatenciesMs.Count >= LatencyWindow ? s.RecentLatenciesMs.Skip(s.RecentLatenciesMs.Count - LatencyWindow + 1) : s.RecentLatenciesMs;
        state.State = s with
        {
            Calls = s.Calls + 1,
            Decisions = s.Decisions + run.Decisions.Count,
            ParseSuccesses = s.ParseSuccesses + (error is null && !run.Failed ? 1 : 0),
            ParseFailures = s.ParseFailures + (error is null && run.Failed ? 1 : 0),
            Errors = s.Errors + (error is not null && !timedOut ? 1 : 0),
            Timeouts = s.Timeouts + (timedOut ? 1 : 0),
            InputTokens = s.InputTokens + (run.Trace?.InputTokens ?? 0),
            OutputTokens = s.OutputTokens + (run.Trace?.OutputTokens ?? 0),
            CostUsd = s.CostUsd + (run.Trace?.CostUsd ?? 0m),
            RecentLatenciesMs = [.. latencies, latency.TotalMilliseconds],
            LastError = error ?? (run.Failed ? run.Trace?.ParseError : s.LastError),
            LastCallAt = context.Timestamp,
        };
        await state.WriteStateAsync();
        return run;
    }

    public Task<ModelStats> GetStatsAsync()
    {
        var s = state.State;
        var sorted = s.RecentLatenciesMs.Order().ToArray();
        var parsed = s.ParseSuccesses + s.ParseFailures;
        return Task.FromResult(new ModelStats(
            ModelId,
            registry.Find(ModelId) is not null,
            s.Calls,
            s.Decisions,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            parsed == 0 ? null : (double)s.ParseSuccesses / parsed,
            s.Errors,
            s.Timeouts,
            s.InputTokens,
            s.OutputTokens,
            s.CostUsd,
            s.LastError,
            s.LastCallAt));
    }

    /// <summary>Nearest-rank percentile of a sorted sample; null when empty.</summary>
    internal static double? Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0)
        {
            return null;
        }

        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    private DecisionRun Failed(DecisionContext context, string error, TimeSpan latency)
    {
        var holds = context.Market.Pairs
            .Select(p => TradeDecision.Hold(ModelId, p.Pair, context.Timestamp, $"holding: {error}"))
            .ToList();
        return new DecisionRun(holds, FailedTrace(error, latency)) { Error = error };
    }

    private static DecisionTrace FailedTrace(string error, TimeSpan latency) =>
        new("none", string.Empty, string.Empty, string.Empty, false, error, latency, 0, 0, 0m);
}
