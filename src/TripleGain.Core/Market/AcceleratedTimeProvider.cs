namespace TripleGain.Core.Market;

/// <summary>
/// A clock that runs <see cref="Speed"/> times faster than an inner clock from an anchor: at the inner clock's
/// <c>anchorReal</c> it reads <c>anchorMarket</c>, and every real second after that is <see cref="Speed"/> market
/// seconds. Speed 1 with equal anchors is the inner clock. Used so a simulated market can run faster than real time
/// (a person watching sees decisions within seconds); timers created through it fire at the scaled pace.
/// </summary>
public sealed class AcceleratedTimeProvider : TimeProvider
{
    private readonly TimeProvider _inner;
    private readonly DateTimeOffset _anchorReal;
    private readonly DateTimeOffset _anchorMarket;

    public AcceleratedTimeProvider(TimeProvider inner, double speed, DateTimeOffset anchorReal, DateTimeOffset anchorMarket)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!double.IsFinite(speed) || speed < 1 || speed > 10_000)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The market clock speed must be between 1 and 10000.");
        }

        _inner = inner;
        Speed = speed;
        _anchorReal = anchorReal;
        _anchorMarket = anchorMarket;
    }

    public double Speed { get; }

    public override DateTimeOffset GetUtcNow()
    {
        var elapsed = _inner.GetUtcNow() - _anchorReal;
        return _anchorMarket + TimeSpan.FromTicks((long)(elapsed.Ticks * Speed));
    }

    public override long GetTimestamp() => _inner.GetTimestamp();

    public override long TimestampFrequency => _inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => _inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        _inner.CreateTimer(callback, state, Scale(dueTime), Scale(period));

    /// <summary>The real duration of a market-time span.</summary>
    public TimeSpan Scale(TimeSpan marketSpan) =>
        marketSpan == Timeout.InfiniteTimeSpan || marketSpan <= TimeSpan.Zero ? marketSpan : TimeSpan.FromTicks(Math.Max(1, (long)(marketSpan.Ticks / Speed)));
}
