using System.Text.Json;
using TripleGain.Core.Metrics;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>
/// Every expected value of empyrical's test_stats.py fixtures (reference_metrics.json, section "empyrical"), compared to
/// the test's own decimals (|diff| &lt; 1.5 x 10^-decimals). Conventions that differ are mapped here, in one place:
/// <list type="bullet">
/// <item>empyrical is NaN-aware: mean/stdev-based statistics skip the NaN of mixed_returns (we drop it), growth-based
/// ones (annual return, drawdown, Calmar, cumulative returns) treat it as a 0 return and still count it (we pass 0);
/// our functions refuse NaN.</item>
/// <item>empyrical's drawdown is negative; ours is the positive magnitude.</item>
/// <item>Where empyrical returns NaN or +infinity (too few returns, zero stdev, no downside, zero denominator) ours
/// returns null; the max drawdown of an empty series is 0 for us (NaN for empyrical).</item>
/// <item>A series-valued risk_free / required_return ("simple_benchmark", "flat_line_1") is subtracted element-wise
/// first; omega's required_return is annual and becomes the per-period threshold (1 + R)^(1/252) - 1 as in
/// empyrical, and R &lt;= -1 (NaN for empyrical) is refused by us.</item>
/// </list>
/// </summary>
public class ReturnsEmpyricalReferenceTests
{
    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        var index = 0;
        foreach (var c in MetricsReference.Empyrical.GetProperty("expected").EnumerateArray())
        {
            var parameters = string.Join(", ", c.EnumerateObject()
                .Where(p => p.Name is "risk_free" or "required_return" or "period" or "starting_value")
                .Select(p => $"{p.Name}={p.Value}"));
            data.Add(index++, $"{c.GetProperty("metric").GetString()}({c.GetProperty("fixture").GetString()}{(parameters.Length > 0 ? ", " + parameters : "")})");
        }

        return data;
    }

    [Fact]
    public void Cases_EmpyricalSection_HasAll72ExpectedValues() => Cases().Count.ShouldBe(72);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Statistic_EmpyricalFixture_MatchesReferenceUnderMappedConvention(int index, string description)
    {
        var c = MetricsReference.Empyrical.GetProperty("expected")[index];
        var metric = c.GetProperty("metric").GetString()!;
        var fixture = c.GetProperty("fixture").GetString()!;
        var returns = Fixture(fixture);
        var factor = c.TryGetProperty("period", out var period) ? Factor(period.GetString()!) : 252;
        var tolerance = 1.5 * Math.Pow(10, -c.GetProperty("tolerance_decimals").GetInt32());
        var expected = c.GetProperty("expected");

        if (metric is "cum_returns" or "cum_returns_final")
        {
            var start = c.GetProperty("starting_value").GetDouble();
            var cumulative = Returns.Cumulative(NanAsZero(returns));
            var values = start == 0 ? cumulative : [.. cumulative.Select(x => start * (1 + x))];
            if (metric == "cum_returns")
            {
                values.Length.ShouldBe(expected.GetArrayLength(), description);
                values.Zip(MetricsReference.Doubles(expected)).ShouldAllBe(v => Math.Abs(v.First - v.Second) < tolerance, description);
            }
            else
            {
                values[^1].ShouldBe(expected.GetDouble(), tolerance, description);
            }

            return;
        }

        if (metric == "omega_ratio" && c.GetProperty("required_return").GetDouble() <= -1)
        {
            // empyrical: NaN. The threshold (1 + R)^(1/252) - 1 is not a number, and Omega refuses it.
            var threshold = Math.Pow(1 + c.GetProperty("required_return").GetDouble(), 1.0 / 252) - 1;
            Should.Throw<ArgumentOutOfRangeException>(() => Returns.Omega(DropNan(returns), threshold));
            return;
        }

        double? actual = metric switch
        {
            "max_drawdown" => -Returns.MaxDrawdown(NanAsZero(returns)),
            "annual_return" => Returns.Cagr(NanAsZero(returns), factor),
            "annual_volatility" => Returns.AnnualVolatility(DropNan(returns), factor),
            "calmar_ratio" => Returns.Calmar(NanAsZero(returns), factor),
            "sharpe_ratio" => WithRate(c, "risk_free", returns, (r, rate) => Returns.Sharpe(r, factor, rate)),
            "downside_risk" => WithRate(c, "required_return", returns, (r, rate) => Returns.DownsideRisk(r, factor, rate)),
            "sortino_ratio" => WithRate(c, "required_return", returns, (r, rate) => Returns.Sortino(r, factor, rate)),
            "omega_ratio" => WithRate(c, "risk_free", returns, (r, rate) =>
                Returns.Omega([.. r.Select(x => x - rate)], Math.Pow(1 + c.GetProperty("required_return").GetDouble(), 1.0 / 252) - 1)),
            _ => throw new InvalidOperationException($"No mapping for empyrical metric '{metric}'."),
        };

        if (expected.ValueKind == JsonValueKind.Number)
        {
            actual.ShouldNotBeNull(description);
            actual.Value.ShouldBe(expected.GetDouble(), tolerance, description);
        }
        else if (expected.GetString()!.StartsWith("cum_returns_final(", StringComparison.Ordinal))
        {
            // A falling series' drawdown is its final cumulative return (empyrical asserts exactly that).
            actual.ShouldNotBeNull(description);
            actual.Value.ShouldBe(Returns.Total(NanAsZero(returns)), tolerance, description);
        }
        else if (metric == "max_drawdown")
        {
            expected.GetString().ShouldBe("NaN");
            returns.ShouldBeEmpty();
            actual.ShouldBe(0, description); // no returns, no drawdown
        }
        else
        {
            expected.GetString().ShouldBeOneOf("NaN", "Infinity");
            actual.ShouldBeNull(description); // undefined -> null (never NaN or infinity)
        }
    }

    /// <summary>
    /// Applies a scalar rate as the function's per-period rate; a named series is subtracted element-wise first
    /// (then the rate passed is 0). NaN periods are dropped after the subtraction, as empyrical's nan-functions do.
    /// </summary>
    private static double? WithRate(JsonElement c, string name, double[] returns, Func<double[], double, double?> statistic)
    {
        var rate = c.GetProperty(name);
        if (rate.ValueKind == JsonValueKind.Number)
        {
            return statistic(DropNan(returns), rate.GetDouble());
        }

        var series = Fixture(rate.GetString()!);
        series.Length.ShouldBe(returns.Length);
        return statistic(DropNan([.. returns.Zip(series, (r, s) => r - s)]), 0);
    }

    private static double[] Fixture(string name) =>
        MetricsReference.Doubles(MetricsReference.Empyrical.GetProperty("fixtures").GetProperty(name).GetProperty("returns"));

    private static int Factor(string period) =>
        MetricsReference.Empyrical.GetProperty("conventions").GetProperty("annualization_factor").GetProperty(period).GetInt32();

    private static double[] DropNan(double[] returns) => [.. returns.Where(r => !double.IsNaN(r))];

    private static double[] NanAsZero(double[] returns) => [.. returns.Select(r => double.IsNaN(r) ? 0 : r)];
}
