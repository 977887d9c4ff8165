using TripleGain.Core.Metrics;

namespace TripleGain.Core.Tests.Metrics;

/// <summary>Hand-computed values and the edge cases of the return-series functions.</summary>
public class ReturnsTests
{
    [Fact]
    public void Sharpe_HandComputedSeries_MatchesFormula()
    {
        // r = 0.01, -0.02, 0.03: mean 0.00666..., stdev(ddof 1) = 0.02516611478..., x sqrt(12)
        var sharpe = Returns.Sharpe([0.01, -0.02, 0.03], 12).ShouldNotBeNull();

        sharpe.ShouldBe(0.02 / 3 / 0.025166114784235836 * Math.Sqrt(12), 1e-14);
    }

    [Fact]
    public void Sortino_HandComputedSeries_DividesDownsideByAllPeriods()
    {
        // downside = sqrt(0.02^2 / 3)
        var sortino = Returns.Sortino([0.01, -0.02, 0.03], 12).ShouldNotBeNull();

        sortino.ShouldBe(0.02 / 3 / Math.Sqrt(0.0004 / 3) * Math.Sqrt(12), 1e-14);
    }

    [Fact]
    public void MaxDrawdown_StartingCapitalIsFirstPeak_CountsAnInitialLoss()
    {
        // wealth 0.9, 0.99, 0.891 (peak stays 1): deepest = 1 - 0.891
        Returns.MaxDrawdown([-0.1, 0.1, -0.1]).ShouldBe(0.109, 1e-15);
    }

    [Fact]
    public void MaxDrawdown_TotalLoss_IsOne() => Returns.MaxDrawdown([0.5, -1]).ShouldBe(1);

    [Fact]
    public void Statistics_FewerThanTwoReturns_AreNull()
    {
        double[] one = [0.01];

        Returns.Sharpe(one, 365).ShouldBeNull();
        Returns.Sortino(one, 365).ShouldBeNull();
        Returns.AnnualVolatility(one, 365).ShouldBeNull();
        Returns.Omega(one).ShouldBeNull();
        Returns.Cagr([], 365).ShouldBeNull();
        Returns.Calmar([], 365).ShouldBeNull();
        Returns.DownsideRisk([], 365).ShouldBeNull();
        Returns.MaxDrawdown([]).ShouldBe(0);
        Returns.Total([]).ShouldBe(0);
        Returns.Cumulative([]).ShouldBeEmpty();
    }

    [Fact]
    public void Sharpe_ConstantReturns_IsNullBecauseStdevIsZero()
    {
        // 0.1 + 0.2-style sums would leave a tiny spurious stdev; equal values must give exactly 0.
        Returns.Sharpe([0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1], 365).ShouldBeNull();
        Returns.AnnualVolatility([0.1, 0.1, 0.1], 365).ShouldBe(0);
    }

    [Fact]
    public void Sortino_NoReturnBelowTarget_IsNull() => Returns.Sortino([0.0, 0.01, 0.02], 365).ShouldBeNull();

    [Fact]
    public void Omega_HandComputed_IsGainsOverLosses() =>
        Returns.Omega([0.03, -0.01, 0.02, -0.04]).ShouldNotBeNull().ShouldBe(0.05 / 0.05, 1e-15);

    [Fact]
    public void Cumulative_HandComputed_CompoundsEachPeriod() =>
        Returns.Cumulative([0.1, -0.5, 1]).ShouldBe([0.1, -0.45, 0.1], 1e-15);

    [Fact]
    public void Calmar_HandComputed_IsCagrOverDrawdown()
    {
        double[] r = [0.1, -0.2, 0.3];
        var cagr = Math.Pow(1.1 * 0.8 * 1.3, 12.0 / 3) - 1;

        Returns.Calmar(r, 12).ShouldNotBeNull().ShouldBe(cagr / 0.2, 1e-12);
    }
}
