using TripleGain.Core.Market;
using TripleGain.Silo.Storage;

namespace TripleGain.Silo.Hosting;

/// <summary>
/// The market's <see cref="TimeProvider"/> in the silo: <see cref="MarketClockAnchor.MarketTimeAt"/> of the real clock,
/// once the persisted anchor is known (<see cref="MarketClockLoader"/> sets it while the host starts, before Orleans
/// starts). Reading the time before that throws: no grain may trade on an unanchored clock.
/// </summary>
public sealed class AnchoredMarketTime(TimeProvider real, double speed, DateTime? firstMarketTime = null) : TimeProvider
{
    private AcceleratedTimeProvider? _inner;

    /// <summary>Market seconds per real second (from configuration; the anchor must have the same).</summary>
    public double Speed { get; } = speed;

    /// <summary>The market time a service's first start begins at (<c>Market:ClockStart</c>); null: the real time.</summary>
    public DateTime? FirstMarketTime { get; } = firstMarketTime;

    /// <summary>The anchor in use, or null before start-up set it.</summary>
    public MarketClockAnchor? Anchor { get; private set; }

    private AcceleratedTimeProvider Inner => Volatile.Read(ref _inner)
        ?? throw new InvalidOperationException("The market clock is not anchored yet: it is loaded from storage while the silo starts.");

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => real.TimestampFrequency;

    public void SetAnchor(MarketClockAnchor anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        if (!anchor.Speed.Equals(Speed))
        {
            throw new ArgumentException($"The anchor runs at {anchor.Speed}x but the market clock is configured for {Speed}x.", nameof(anchor));
        }

        Anchor = anchor;
        Volatile.Write(ref _inner, new AcceleratedTimeProvider(real, anchor.Speed, anchor.Real, anchor.Market));
    }

    public override DateTimeOffset GetUtcNow() => Inner.GetUtcNow();

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        Inner.CreateTimer(callback, state, dueTime, period);
}
