using TripleGain.Core.Metrics;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>
/// quantstats' reference values (checked against R PerformanceAnalytics), asserted to 1e-9 relative as quantstats'
/// own test does. Their max drawdown is negative; ours is the same magnitude, positive.
/// </summary>
public class ReturnsQuantstatsReferenceTests
{
    private const double Relative = 1e-9;

    public static TheoryData<string> Fixtures => ["bacon_monthly", "tiny_sample_n7"];

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void AnnualVolatility_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, periods) = Load(fixture);
        ShouldBeClose(Returns.AnnualVolatility(returns, periods), Expected("volatility_annual", fixture));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Cagr_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, periods) = Load(fixture);
        ShouldBeClose(Returns.Cagr(returns, periods), Expected("return_annual", fixture));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Sharpe_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, periods) = Load(fixture);
        ShouldBeClose(Returns.Sharpe(returns, periods), Expected("sharpe_annual", fixture));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Sortino_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, periods) = Load(fixture);
        ShouldBeClose(Returns.Sortino(returns, periods), Expected("sortino_annual", fixture));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void MaxDrawdown_QuantstatsFixture_MatchesReferenceMagnitude(string fixture)
    {
        var (returns, _) = Load(fixture);
        var expected = Expected("max_drawdown", fixture);
        expected.ShouldBeNegative();
        ShouldBeClose(Returns.MaxDrawdown(returns), -expected);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Calmar_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, periods) = Load(fixture);
        ShouldBeClose(Returns.Calmar(returns, periods), Expected("calmar", fixture));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Omega_QuantstatsFixture_MatchesReference(string fixture)
    {
        var (returns, _) = Load(fixture);
        ShouldBeClose(Returns.Omega(returns), Expected("omega_0", fixture));
    }

    private static (double[] Returns, int PeriodsPerYear) Load(string fixture)
    {
        var element = MetricsReference.Quantstats.GetProperty("fixtures").GetProperty(fixture);
        return (MetricsReference.Doubles(element.GetProperty("returns")), element.GetProperty("periods_per_year").GetInt32());
    }

    private static double Expected(string metric, string fixture) =>
        MetricsReference.Quantstats.GetProperty("metrics").GetProperty(metric).GetProperty("values").GetProperty(fixture).GetDouble();

    private static void ShouldBeClose(double? actual, double expected)
    {
        actual.ShouldNotBeNull();
        var tolerance = expected == 0 ? 1e-15 : Math.Abs(expected) * Relative;
        actual.Value.ShouldBe(expected, tolerance);
    }
}
