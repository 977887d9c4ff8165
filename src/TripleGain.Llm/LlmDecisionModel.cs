using System.Globalization;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TripleGain.Core.Agents;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Decisions;
using TripleGain.Llm.Prompts;
using TripleGain.Llm.Providers;
using TripleGain.Llm.Resilience;

namespace TripleGain.Llm;

/// <summary>
/// An LLM trading agent behind <see cref="IDecisionModel"/>: renders the decision prompt, asks the model through its
/// <see cref="IChatClient"/> with the decision JSON schema, parses and validates the answer, and records tokens,
/// cost and latency. It never throws for provider trouble: a model without key, over budget, unauthorized or failing
/// holds every pair with the reason; an invalid output yields no decision (and HOLD from <see cref="DecideAsync"/>).
/// </summary>
public sealed partial class LlmDecisionModel : IDecisionModel
{
    private readonly IChatClient _chat;
    private readonly DecisionPrompt _prompt;
    private readonly CostLedger _ledger;
    private readonly ModelHealth _health;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LlmDecisionModel(
        LlmProviderOptions options,
        IChatClient chat,
        DecisionPrompt prompt,
        CostLedger ledger,
        ModelHealth health,
        TimeProvider time,
        ILogger<LlmDecisionModel>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(prompt);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(time);
        Options = options;
        _chat = chat;
        _prompt = prompt;
        _ledger = ledger;
        _health = health;
        _time = time;
        _logger = logger ?? NullLogger<LlmDecisionModel>.Instance;
    }

    public string Id => Options.Id;

    public LlmProviderOptions Options { get; }

    /// <summary>Configured, not configured, unauthorized or unreachable, with the reason.</summary>
    public LlmModelStatus Status => _health.Status;

    /// <summary>One decision per pair of the context; HOLD for every pair when the model could not decide.</summary>
    public async ValueTask<IReadOnlyList<TradeDecision>> DecideAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        var result = await RunDetailedAsync(context, cancellationToken).ConfigureAwait(false);
        return result.Run.Decisions.Count > 0
            ? result.Run.Decisions
            : HoldAll(context, $"invalid model output: {result.Detail}");
    }

    /// <summary>The decisions and the trace (prompt name and hash, raw output, parse status, latency, tokens, cost).</summary>
    public async ValueTask<DecisionRun> RunAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        (await RunDetailedAsync(context, cancellationToken).ConfigureAwait(false)).Run;

    /// <summary><see cref="RunAsync"/> with the outcome, tokens, cost and failure kind.</summary>
    public Task<LlmRunResult> RunDetailedAsync(DecisionContext context, CancellationToken cancellationToken = default) =>
        RunCoreAsync(context, null, cancellationToken);

    /// <summary><see cref="RunDetailedAsync(DecisionContext, CancellationToken)"/> with a prompt already rendered for
    /// <paramref name="context"/> by <see cref="RenderPromptAsync"/> (a caching caller renders it once to look it up).</summary>
    public Task<LlmRunResult> RunDetailedAsync(DecisionContext context, RenderedPrompt prompt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        return RunCoreAsync(context, prompt, cancellationToken);
    }

    /// <summary>The prompt this model sends for <paramref name="context"/> (deterministic: same context, same text and hash).</summary>
    public Task<RenderedPrompt> RenderPromptAsync(DecisionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return _prompt.RenderAsync(context, cancellationToken);
    }

    private async Task<LlmRunResult> RunCoreAsync(DecisionContext context, RenderedPrompt? rendered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var status = _health.Status;
        if (status.State != LlmModelState.Configured)
        {
            var outcome = status.State == LlmModelState.Unauthorized ? LlmRunOutcome.Unauthorized : LlmRunOutcome.NotConfigured;
            return Held(context, outcome, $"model {Id} is {Describe(status.State)}: {status.Detail}", null);
        }

        var now = _time.GetUtcNow().UtcDateTime;
        if (Options.DailyBudgetUsd > 0 && _ledger.SpentOn(Id, now) >= Options.DailyBudgetUsd)
        {
            return Held(context, LlmRunOutcome.BudgetExhausted,
                string.Create(CultureInfo.InvariantCulture, $"daily budget of ${Options.DailyBudgetUsd:0.00##} reached"), null);
        }

        var prompt = rendered ?? await _prompt.RenderAsync(context, cancellationToken).ConfigureAwait(false);
        using var call = ProviderCall.Begin();
        var started = _time.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await _chat.GetResponseAsync(
                [new ChatMessage(ChatRole.System, prompt.System), new ChatMessage(ChatRole.User, prompt.User)],
                ChatOptionsFor(Options),
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not OutOfMemoryException)
        {
            var latency = _time.GetElapsedTime(started);
            var provider = LlmProviderException.Find(ex);
            var failure = provider?.Failure ?? ProviderFailure.MalformedResponse;
            var detail = provider?.Message ?? $"{Id}: MalformedResponse: the SDK could not read the answer ({ex.GetType().Name})";
            if (failure == ProviderFailure.Unauthorized)
            {
                return Held(context, LlmRunOutcome.Unauthorized, detail, failure, latency) with { Attempts = call.Attempts };
            }

            LogProviderFailed(_logger, Id, failure, latency.TotalMilliseconds);
            return Held(context, LlmRunOutcome.ProviderFailed, detail, failure, latency) with { Attempts = call.Attempts };
        }

        var elapsed = _time.GetElapsedTime(started);
        var usage = ProviderUsage.Combine(response.Usage, call.Usage, out var providerCost);
        var cost = usage.CostUsd(Options);
        await _ledger.RecordAsync(Id, now, cost, usage, CancellationToken.None).ConfigureAwait(false);
        var raw = response.Text ?? "";
        var parsed = DecisionParser.Parse(raw, context, Id);
        var trace = new DecisionTrace(
            prompt.Name,
            prompt.TemplateHash,
            prompt.Text,
            raw,
            parsed.Success,
            parsed.Error,
            elapsed,
            (int)Math.Min(int.MaxValue, usage.InputTokens),
            (int)Math.Min(int.MaxValue, usage.OutputTokens),
            cost);
        LogDecided(_logger, Id, parsed.Success, elapsed.TotalMilliseconds, usage.InputTokens, usage.OutputTokens, cost);
        return new LlmRunResult(
            new DecisionRun(parsed.Decisions, trace),
            parsed.Success ? LlmRunOutcome.Decided : LlmRunOutcome.InvalidOutput,
            usage,
            cost,
            elapsed,
            null,
            parsed.Error,
            call.Attempts,
            providerCost);
    }

    /// <summary>The chat options of a call: model, output limit, temperature and the structured-output format.</summary>
    public static ChatOptions ChatOptionsFor(LlmProviderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new ChatOptions
        {
            ModelId = options.ModelName,
            MaxOutputTokens = options.MaxOutputTokens,
            Temperature = options.Temperature,
            ResponseFormat = options.EffectiveStructuredOutput switch
            {
                StructuredOutput.JsonSchema => ChatResponseFormat.ForJsonSchema(DecisionSchema.Schema, DecisionSchema.Name, DecisionSchema.Description),
                StructuredOutput.JsonObject => ChatResponseFormat.Json,
                _ => null,
            },
        };
    }

    private LlmRunResult Held(DecisionContext context, LlmRunOutcome outcome, string reason, ProviderFailure? failure, TimeSpan latency = default)
    {
        LogHeld(_logger, Id, outcome, reason);
        // A spent budget is a deliberate hold; every other hold means the model could not decide (a fallback may stand in).
        var run = new DecisionRun(HoldAll(context, reason), null) { Error = outcome == LlmRunOutcome.BudgetExhausted ? null : reason };
        return new LlmRunResult(run, outcome, TokenUsage.None, 0m, latency, failure, reason);
    }

    private IReadOnlyList<TradeDecision> HoldAll(DecisionContext context, string reason) =>
        context.Pairs.Select(pair => TradeDecision.Hold(Id, pair, context.Timestamp, reason)).ToList();

    private static string Describe(LlmModelState state) => state switch
    {
        LlmModelState.NotConfigured => "not configured",
        LlmModelState.Unauthorized => "unauthorized",
        LlmModelState.Unreachable => "unreachable",
        _ => "configured",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "{ModelId}: answered in {LatencyMs} ms, parsed {Parsed}, tokens {InputTokens}/{OutputTokens}, cost {CostUsd} USD")]
    private static partial void LogDecided(ILogger logger, string modelId, bool parsed, double latencyMs, long inputTokens, long outputTokens, decimal costUsd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{ModelId}: provider call failed ({Failure}) after {LatencyMs} ms")]
    private static partial void LogProviderFailed(ILogger logger, string modelId, ProviderFailure failure, double latencyMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "{ModelId}: holding ({Outcome}): {Reason}")]
    private static partial void LogHeld(ILogger logger, string modelId, LlmRunOutcome outcome, string reason);
}
