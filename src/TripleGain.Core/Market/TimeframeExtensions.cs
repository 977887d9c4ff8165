namespace TripleGain.Core.Market;

public static class TimeframeExtensions
{
    public static TimeSpan Duration(this Timeframe timeframe) => TimeSpan.FromMinutes((int)timeframe);

    /// <summary>The open time of the candle of this timeframe that contains <paramref name="timestampUtc"/>.</summary>
    public static DateTime Floor(this Timeframe timeframe, DateTime timestampUtc)
    {
        var ticks = timeframe.Duration().Ticks;
        return new DateTime(timestampUtc.Ticks - (timestampUtc.Ticks % ticks), DateTimeKind.Utc);
    }

    /// <summary>"1m", "5m", "15m", "1h", "4h", "1d".</summary>
    public static string Label(this Timeframe timeframe) => timeframe switch
    {
        Timeframe.M1 => "1m",
        Timeframe.M5 => "5m",
        Timeframe.M15 => "15m",
        Timeframe.H1 => "1h",
        Timeframe.H4 => "4h",
        Timeframe.D1 => "1d",
        _ => throw new ArgumentOutOfRangeException(nameof(timeframe), timeframe, "Unknown timeframe."),
    };

    public static Timeframe ParseTimeframe(string label) => label.Trim().ToLowerInvariant() switch
    {
        "1m" => Timeframe.M1,
        "5m" => Timeframe.M5,
        "15m" => Timeframe.M15,
        "1h" => Timeframe.H1,
        "4h" => Timeframe.H4,
        "1d" => Timeframe.D1,
        _ => throw new FormatException($"Unknown timeframe '{label}'. Use 1m, 5m, 15m, 1h, 4h or 1d."),
    };
}
