namespace TripleGain.Grains;

/// <summary>
/// The market's clock, separate from the process clock Orleans uses: with a simulated market it may run faster than
/// real time (<see cref="Speed"/> market seconds per real second). Grains that trade read the time from here.
/// </summary>
public sealed class MarketClock(TimeProvider time, double speed = 1)
{
    public TimeProvider Time { get; } = time ?? throw new ArgumentNullException(nameof(time));

    public double Speed { get; } = speed;

    public DateTime UtcNow => Time.GetUtcNow().UtcDateTime;

    /// <summary>The real duration of a span of market time.</summary>
    public TimeSpan ToReal(TimeSpan marketSpan) => TimeSpan.FromTicks(Math.Max(1, (long)(marketSpan.Ticks / Speed)));
}
