using Microsoft.Extensions.Logging;
using TripleGain.Core.Agents;
using TripleGain.Core.Market;

namespace TripleGain.Grains.Market;

/// <inheritdoc cref="ITradingPairGrain"/>
[GrainType("trading-pair")]
public sealed class TradingPairGrain(IMarketFeed feed, TrackerSettings trackerSettings, ILogger<TradingPairGrain> logger)
    : Grain, ITradingPairGrain
{
    private PairTracker? _tracker;
    private Pair _pair;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _pair = Pair.Parse(this.GetPrimaryKeyString());
        _tracker = new PairTracker(_pair, trackerSettings);
        return base.OnActivateAsync(cancellationToken);
    }

    public async Task<PairIndicators?> RefreshAsync(DateTime nowUtc)
    {
        var tracker = _tracker!;
        var from = tracker.LastTimestamp is { } last ? last.AddMinutes(1) : DateTime.MinValue;
        var candles = await feed.GetCandlesAsync(_pair, from, nowUtc);
        foreach (var candle in candles)
        {
            if (tracker.LastTimestamp is { } seen && candle.Timestamp <= seen)
            {
                continue;
            }

            tracker.Add(candle);
        }

        if (candles.Count > 1_000)
        {
            logger.LogInformation("{Pair}: warmed up with {Count} candles up to {Last:O}", _pair, candles.Count, tracker.LastTimestamp);
        }

        return tracker.ToInput();
    }

    public Task<IReadOnlyList<Candle>> RecentCandlesAsync(Timeframe timeframe, int count)
    {
        var window = _tracker!.Recent(timeframe);
        var take = Math.Clamp(count, 0, window.Count);
        IReadOnlyList<Candle> result = window.Skip(window.Count - take).ToList();
        return Task.FromResult(result);
    }
}
