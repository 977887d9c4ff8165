using System.Globalization;
using TripleGain.Core.Agents;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Providers;

namespace TripleGain.Llm.Backtesting;

/// <summary>
/// What a backtest with an LLM model will cost, worked out before it starts: the decision times of [from, to) (one call
/// each, for all pairs in one prompt), less the answers the decision cache already holds for them, times the tokens of
/// one call (estimated from the number of pairs) at the model's prices. Plus the warnings to print: the period lies
/// before the model's knowledge cutoff (its decisions may know the future), or the cutoff is not configured.
/// </summary>
public sealed record LlmBacktestEstimate(
    string ModelId,
    int DecisionTimes,
    int Pairs,
    long CachedAnswers,
    long Calls,
    long InputTokensPerCall,
    long OutputTokensPerCall,
    decimal CostPerCallUsd,
    decimal CostUsd,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Prompt tokens besides the pairs: instructions, portfolio, constraints, recent decisions.</summary>
    public const int BaseInputTokens = 1300;

    /// <summary>Prompt tokens per pair: the indicator lines of every timeframe.</summary>
    public const int InputTokensPerPair = 750;

    /// <summary>Answer tokens besides the decisions.</summary>
    public const int BaseOutputTokens = 40;

    /// <summary>Answer tokens per pair: one decision with its reasoning.</summary>
    public const int OutputTokensPerPair = 150;

    /// <summary>Works out the estimate (see the type's summary). <paramref name="cache"/> null: nothing is cached.</summary>
    public static async Task<LlmBacktestEstimate> ComputeAsync(
        LlmProviderOptions model,
        DateTime from,
        DateTime to,
        TimeSpan decisionInterval,
        int pairs,
        IDecisionCache? cache,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (to <= from)
        {
            throw new ArgumentException($"The backtest end {Iso(to)} must be after its start {Iso(from)}.", nameof(to));
        }

        if (decisionInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(decisionInterval), decisionInterval, "The decision interval must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(pairs, 1);
        var times = DecisionTimesBetween(from, to, decisionInterval);
        var cached = cache is null ? 0 : Math.Min(times, await cache.CountAsync(model.Id, from, to, cancellationToken).ConfigureAwait(false));
        var calls = times - cached;
        var usage = new TokenUsage(BaseInputTokens + ((long)InputTokensPerPair * pairs), BaseOutputTokens + ((long)OutputTokensPerPair * pairs));
        var perCall = usage.CostUsd(model);
        return new LlmBacktestEstimate(model.Id, times, pairs, cached, calls, usage.InputTokens, usage.OutputTokens, perCall, perCall * calls,
            WarningsFor(model, from, to));
    }

    /// <summary>
    /// The decision times a backtest of [from, to) asks the model at: the interval's UTC boundaries strictly after the
    /// start and strictly before the end (the engine decides after a minute closes, never at the end of the data).
    /// </summary>
    public static int DecisionTimesBetween(DateTime from, DateTime to, TimeSpan decisionInterval)
    {
        var ticks = decisionInterval.Ticks;
        var first = ((from.Ticks / ticks) + 1) * ticks;
        var lastExclusive = to.Ticks;
        return first >= lastExclusive ? 0 : (int)Math.Min(int.MaxValue, ((lastExclusive - 1 - first) / ticks) + 1);
    }

    /// <summary>Whether the estimate is above <paramref name="maxCostUsd"/>.</summary>
    public bool Exceeds(decimal maxCostUsd) => CostUsd > maxCostUsd;

    /// <summary>"claude-sonnet-4-5: 8,640 decision times x 3 pairs, 120 answers cached: about 8,520 calls of ~3,550 input + 490 output tokens, $0.0180 each: about $153.36".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{ModelId}: {DecisionTimes:N0} decision times x {Pairs} pairs, {CachedAnswers:N0} answers cached: about {Calls:N0} calls of ~{InputTokensPerCall:N0} input + {OutputTokensPerCall:N0} output tokens, ${CostPerCallUsd:0.0000} each: about ${CostUsd:N2}");

    private static List<string> WarningsFor(LlmProviderOptions model, DateTime from, DateTime to)
    {
        var warnings = new List<string>();
        if (model.KnowledgeCutoff is { } cutoff)
        {
            var cutoffEnd = cutoff.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddDays(1);
            if (from < cutoffEnd)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"the backtest period {Iso(from)} .. {Iso(to)} {(to <= cutoffEnd ? "lies" : "begins")} before the knowledge cutoff of {model.Id} ({cutoff:yyyy-MM-dd}): its decisions may know the future, so its results overstate what it can do."));
            }
        }
        else
        {
            warnings.Add($"{model.Id} has no KnowledgeCutoff configured (Llm:Models:{model.Id}:KnowledgeCutoff): if the backtest period lies before it, its decisions may know the future.");
        }

        return warnings;
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
}
