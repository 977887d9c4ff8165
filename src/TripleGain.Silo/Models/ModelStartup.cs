using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Grains.Models;
using TripleGain.Llm;
using TripleGain.Llm.Costs;
using TripleGain.Llm.Providers;

namespace TripleGain.Silo.Models;

/// <summary>
/// Readies the models before the silo starts its cycle: reads today's LLM spend back from the journal (the daily
/// budgets survive a restart), probes the Ollama endpoints (a model is used when its endpoint answers) and logs each
/// model's status once: what trades, and every active model that cannot (with the reason). Unreachable Ollama models
/// are probed again every <see cref="ProbeInterval"/> until they answer.
/// </summary>
public sealed partial class ModelStartup(
    ConfiguredModels models,
    CostLedger ledger,
    TimeProvider time,
    ILogger<ModelStartup> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _reprobe;

    /// <summary>How often unreachable Ollama models are probed again.</summary>
    public TimeSpan ProbeInterval { get; init; } = TimeSpan.FromMinutes(5);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var restored in await ledger.RestoreAsync(time.GetUtcNow().UtcDateTime, cancellationToken))
        {
            LogRestored(logger, restored.ModelId, restored.CostUsd, restored.Calls);
        }

        await models.Catalog.ProbeAllAsync(cancellationToken);
        foreach (var status in models.Statuses())
        {
            if (status.Trading)
            {
                LogTrading(logger, status.ModelId, status.Kind, status.Detail);
            }
            else if (status.Active)
            {
                LogActiveNotRunning(logger, status.ModelId, Describe(status.Availability), status.Detail);
            }
            else
            {
                LogInactive(logger, status.ModelId, Describe(status.Availability), status.Detail);
            }
        }

        if (models.Catalog.Models.Any(m => m.Options.Provider == LlmProviderKind.Ollama))
        {
            _reprobe = ReprobeAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_reprobe is not null)
        {
            await _reprobe.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task ReprobeAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(ProbeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                foreach (var model in models.Catalog.Models.Where(m => m.Options.Provider == LlmProviderKind.Ollama && m.Status.State == LlmModelState.Unreachable))
                {
                    var status = await models.Catalog.ProbeAsync(model.Id, cancellationToken);
                    if (status.IsUsable)
                    {
                        LogTrading(logger, model.Id, ModelStatus.LlmKind, status.Detail);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private static string Describe(ModelAvailability availability) => availability switch
    {
        ModelAvailability.Ready => "ready",
        ModelAvailability.Unauthorized => "unauthorized",
        ModelAvailability.Unreachable => "unreachable",
        _ => "not configured",
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} ({Kind}) trades: {Detail}")]
    private static partial void LogTrading(ILogger logger, string modelId, string kind, string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {ModelId} is active in models.active_models but {State}: {Detail}. It does not trade until that is fixed")]
    private static partial void LogActiveNotRunning(ILogger logger, string modelId, string state, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId} is configured but not active ({State}: {Detail})")]
    private static partial void LogInactive(ILogger logger, string modelId, string state, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {ModelId}: today's LLM spend restored from the journal: {CostUsd} USD in {Calls} call(s)")]
    private static partial void LogRestored(ILogger logger, string modelId, decimal costUsd, int calls);
}
