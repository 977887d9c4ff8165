using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TripleGain.Silo.Hosting;

namespace TripleGain.Silo.Storage;

/// <summary>
/// Loads (or, on the service's first start, creates) the market clock's anchor from the storage database while the host
/// is starting, before the Orleans silo starts, and anchors <see cref="AnchoredMarketTime"/> with it.
/// </summary>
internal sealed partial class MarketClockLoader(
    StorageSettings storage, SiloSettings settings, AnchoredMarketTime marketTime, TimeProvider real, ILogger<MarketClockLoader> logger)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        var now = real.GetUtcNow();
        DateTimeOffset? first = marketTime.FirstMarketTime is { } start ? new DateTimeOffset(start, TimeSpan.Zero) : null;
        var anchor = await MarketClockStore.LoadOrCreateAsync(storage, settings.Cluster.ServiceId, marketTime.Speed, now, first, cancellationToken);
        marketTime.SetAnchor(anchor);
        var market = anchor.MarketTimeAt(now);
        LogAnchored(anchor.Speed, market.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            anchor.Real.ToString("O", CultureInfo.InvariantCulture), anchor.Market.ToString("O", CultureInfo.InvariantCulture));
        // Not the anchor this start would have created: a stored one (perhaps moved to another speed) goes on.
        if (first is { } configured && anchor != MarketClockAnchor.Start(now, anchor.Speed, configured))
        {
            LogClockStartIgnored(configured.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        }
        if (anchor.Speed <= 1 && market - now > TimeSpan.FromMinutes(1))
        {
            LogAhead(market - now);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Market clock: {Speed}x, market time {MarketNow} UTC (anchored at real {Real} = market {Market})")]
    private partial void LogAnchored(double speed, string marketNow, string real, string market);

    [LoggerMessage(Level = LogLevel.Information, Message = "Market clock: Market:ClockStart {ClockStart} applies to a service's first start only; this service's market time continues")]
    private partial void LogClockStartIgnored(string clockStart);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market clock: real time, but {Ahead} ahead of the real clock (this data ran on an accelerated clock before; market time never goes back)")]
    private partial void LogAhead(TimeSpan ahead);
}
