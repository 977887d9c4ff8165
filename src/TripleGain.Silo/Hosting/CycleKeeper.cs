using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Core.Configuration;
using TripleGain.Grains.Cycle;
using TripleGain.Silo.Services;

namespace TripleGain.Silo.Hosting;

/// <summary>
/// Keeps the trading cycle's grain active in the cluster: every <see cref="Period"/> each silo asks the cycle grain for
/// its status. When the silo that hosted it dies, the first call after the cluster declared it dead activates the grain
/// on a live silo, and its activation resumes the accelerated cycle timer at once, instead of waiting for the next
/// reminder tick (up to a minute, or the cycle interval). Idempotent and cheap: a status read, no state write.
/// </summary>
internal sealed partial class CycleKeeper(IGrainFactory grains, TradingConfig config, IHostApplicationLifetime lifetime, ILogger<CycleKeeper> logger)
    : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            try
            {
                await started.Task.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var key = CycleKeys.For(config.Mode);
        if (config.Mode == TradingMode.Live)
        {
            LogLiveRehearsal();
        }

        var reachable = true;
        using var timer = new PeriodicTimer(Period);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await grains.GetGrain<ICycleGrain>(key).GetStatusAsync().WaitAsync(Period * 3, stoppingToken);
                    if (!reachable)
                    {
                        reachable = true;
                        LogReachable(key);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    if (reachable)
                    {
                        reachable = false;
                        LogUnreachable(key, ex.GetType().Name, ex.Message);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // the host stops
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cycle '{Key}' does not answer ({Error}: {Message}); retrying (in a cluster another silo takes it over once the dead one is declared dead)")]
    private partial void LogUnreachable(string key, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = TradingOverview.LiveRehearsal)]
    private partial void LogLiveRehearsal();

    [LoggerMessage(Level = LogLevel.Information, Message = "Cycle '{Key}' answers again")]
    private partial void LogReachable(string key);
}
