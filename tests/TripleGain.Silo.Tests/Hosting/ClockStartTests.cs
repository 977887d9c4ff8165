using Microsoft.Extensions.Configuration;
using TripleGain.Silo.Hosting;

namespace TripleGain.Silo.Tests.Hosting;

/// <summary><c>Market:ClockStart</c>: where a service's first market time begins, checked at start-up.</summary>
public sealed class ClockStartTests
{
    private static readonly DateTime SimulationStart = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RealNow = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    private static DateTime? Read(string? clockStart) =>
        TradingConfigurationExtensions.ReadClockStart(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TradingConfigurationExtensions.ClockStartKey] = clockStart }).Build(),
            SimulationStart,
            RealNow);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void ReadClockStart_NotSet_NullSoTheMarketStartsAtTheRealTime(string? value) => Read(value).ShouldBeNull();

    [Fact]
    public void ReadClockStart_APastTimeAfterTheSimulationStart_ThatMinuteInUtc()
    {
        var start = Read("2025-02-02T14:00:30Z");

        start.ShouldBe(new DateTime(2025, 2, 2, 14, 0, 0, DateTimeKind.Utc));
        start!.Value.Kind.ShouldBe(DateTimeKind.Utc);
    }

    [Theory]
    [InlineData("2024-12-31", "Configuration error: Market:ClockStart = '2024-12-31': must lie after Market:SimulationStart (2025-01-01 00:00): the market needs history before it")]
    [InlineData("2025-01-01", "Configuration error: Market:ClockStart = '2025-01-01': must lie after Market:SimulationStart (2025-01-01 00:00): the market needs history before it")]
    [InlineData("2027-01-01", "Configuration error: Market:ClockStart = '2027-01-01': must not lie in the future")]
    [InlineData("next monday", "Configuration error: Market:ClockStart = 'next monday': must be an ISO-8601 UTC date, e.g. 2025-01-01")]
    public void ReadClockStart_BadValue_OneLineNamingKeyValueAndRule(string value, string expected)
    {
        var error = Should.Throw<SiloConfigurationException>(() => Read(value));

        error.Message.ShouldBe(expected);
        error.Key.ShouldBe(TradingConfigurationExtensions.ClockStartKey);
    }

    [Fact]
    public void ReadClockStart_SimulationStartInTheFuture_RefusedFirst()
    {
        var error = Should.Throw<SiloConfigurationException>(() => TradingConfigurationExtensions.ReadClockStart(
            new ConfigurationBuilder().Build(), RealNow.AddDays(1), RealNow));

        error.Key.ShouldBe(TradingConfigurationExtensions.SimulationStartKey);
        error.Message.ShouldEndWith("must lie in the past");
    }
}
