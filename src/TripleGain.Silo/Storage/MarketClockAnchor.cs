namespace TripleGain.Silo.Storage;

/// <summary>
/// Where the market clock stands: at real time <see cref="Real"/> the market time was <see cref="Market"/>, and it runs
/// <see cref="Speed"/> market seconds per real second from there. Persisted once per service
/// (<see cref="MarketClockStore"/>), so market time is a function of the real clock that every silo and every restart
/// agrees on: it never goes back.
/// </summary>
public sealed record MarketClockAnchor(DateTimeOffset Real, DateTimeOffset Market, double Speed)
{
    /// <summary>The first anchor of a service: market time starts at <paramref name="marketStart"/>, or at the real time.</summary>
    public static MarketClockAnchor Start(DateTimeOffset realNow, double speed, DateTimeOffset? marketStart = null) =>
        new(realNow, marketStart ?? realNow, speed);

    /// <summary>The market time at a real time.</summary>
    public DateTimeOffset MarketTimeAt(DateTimeOffset real) => Market + TimeSpan.FromTicks((long)((real - Real).Ticks * Speed));

    /// <summary>The same market time at <paramref name="realNow"/>, running at another speed from then on.</summary>
    public MarketClockAnchor WithSpeed(double speed, DateTimeOffset realNow) => new(realNow, MarketTimeAt(realNow), speed);
}
