using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Decisions;

namespace TripleGain.Llm.Caching;

/// <summary>
/// An <see cref="LlmDecisionModel"/> behind an <see cref="IDecisionCache"/>, for backtests: each decision time renders
/// the prompt, and when the cache holds an answer of this model (same id and provider model) for that prompt's hash,
/// the answer is parsed again against the context instead of calling the provider; otherwise the model is asked and a
/// provider answer (valid or not) is kept. A rerun of the same backtest therefore makes no provider call, costs nothing
/// and decides exactly the same. Provider failures are not kept (the next run asks again).
/// </summary>
/// <remarks>
/// With <see cref="SpendLimitUsd"/> set, a call is refused once the calls of this instance have spent that much: the
/// run stops with an <see cref="InvalidOperationException"/> saying so (the limit can be passed by at most one call).
/// Not for concurrent use by several runs (the counters are per run, but thread-safe).
/// </remarks>
public sealed class CachedDecisionModel : IDecisionModel
{
    private readonly LlmDecisionModel _model;
    private readonly IDecisionCache _cache;
    private readonly TimeProvider _time;
    private readonly object _gate = new();
    private int _runs;
    private int _hits;
    private int _calls;
    private int _failures;
    private decimal _spentUsd;
    private decimal _savedUsd;

    public CachedDecisionModel(LlmDecisionModel model, IDecisionCache cache, decimal? spendLimitUsd = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(cache);
        if (spendLimitUsd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(spendLimitUsd), spendLimitUsd, "The spend limit must not be negative.");
        }

        _model = model;
        _cache = cache;
        _time = time ?? TimeProvider.System;
        SpendLimitUsd = spendLimitUsd;
    }

    public string Id => _model.Id;

    public LlmDecisionModel Model => _model;

    public decimal? SpendLimitUsd { get; }

    /// <summary>Runs (decision times) asked of this instance.</summary>
    public int Runs => Volatile.Read(ref _runs);

    /// <summary>Answers read from the cache.</summary>
    public int CacheHits => Volatile.Read(ref _hits);

    /// <summary>Runs that asked the provider (answered or failed).</summary>
    public int ProviderCalls => Volatile.Read(ref _calls);

    /// <summary>Runs that got no answer (provider failure, unauthorized, budget, not configured): they held.</summary>
    public int Failures => Volatile.Read(ref _failures);

    /// <summary>USD spent by the provider calls of this instance.</summary>
    public decimal SpentUsd
    {
        get
        {
            lock (_gate)
            {
                return _spentUsd;
            }
        }
    }

    /// <summary>What the cached answers cost when they were first asked, saved now.</summary>
    public decimal SavedUsd
    {
        get
        {
            lock (_gate)
            {
                return _savedUsd;
            }
        }
    }

    public async ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        var result = await RunDetailedAsync(context, cancellationToken).ConfigureAwait(false);
        return result.Run.Decisions.Count > 0
            ? result.Run.Decisions
            : context.Pairs.Select(pair => TradeDecision.Hold(Id, pair, context.Timestamp, $"invalid model output: {result.Detail}")).ToList();
    }

    public async ValueTask<DecisionRun> RunAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        (await RunDetailedAsync(context, cancellationToken).ConfigureAwait(false)).Run;

    /// <summary>The run from the cache (<see cref="LlmRunResult.FromCache"/>) or from the provider.</summary>
    public async Task<LlmRunResult> RunDetailedAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        Interlocked.Increment(ref _runs);
        var prompt = await _model.RenderPromptAsync(context, cancellationToken).ConfigureAwait(false);
        var hash = prompt.Hash;
        var cached = await _cache.FindAsync(Id, hash, cancellationToken).ConfigureAwait(false);
        if (cached is not null && cached.ProviderModel == _model.Options.ModelName)
        {
            Interlocked.Increment(ref _hits);
            lock (_gate)
            {
                _savedUsd += cached.CostUsd;
            }

            var parsed = DecisionParser.Parse(cached.RawOutput, context, Id);
            var trace = new DecisionTrace(prompt.Name, prompt.TemplateHash, prompt.Text, cached.RawOutput, parsed.Success, parsed.Error,
                TimeSpan.Zero, 0, 0, 0m);
            return new LlmRunResult(new DecisionRun(parsed.Decisions, trace),
                parsed.Success ? LlmRunOutcome.Decided : LlmRunOutcome.InvalidOutput,
                TokenUsage.None, 0m, TimeSpan.Zero, null, parsed.Error, FromCache: true);
        }

        lock (_gate)
        {
            if (SpendLimitUsd is { } limit && _spentUsd >= limit)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"model {Id} has spent ${_spentUsd:0.00##} in this run, the limit of ${limit:0.00##}: stopped before the call for {context.Timestamp:yyyy-MM-dd HH:mm}Z."));
            }
        }

        var result = await _model.RunDetailedAsync(context, prompt, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _spentUsd += result.CostUsd;
        }

        if (result.Outcome is LlmRunOutcome.Decided or LlmRunOutcome.InvalidOutput && result.Run.Trace is { } answered)
        {
            Interlocked.Increment(ref _calls);
            await _cache.StoreAsync(new CachedModelAnswer(
                Id,
                hash,
                context.Timestamp,
                _model.Options.ModelName,
                prompt.Name,
                prompt.TemplateHash,
                answered.RawOutput,
                result.Usage.InputTokens,
                result.Usage.OutputTokens,
                result.CostUsd,
                result.Latency.TotalMilliseconds,
                _time.GetUtcNow().UtcDateTime), cancellationToken).ConfigureAwait(false);
        }
        else
        {
            if (result.Attempts > 0)
            {
                Interlocked.Increment(ref _calls);
            }

            Interlocked.Increment(ref _failures);
        }

        return result;
    }
}
