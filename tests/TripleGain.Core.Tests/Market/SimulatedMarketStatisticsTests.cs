using TripleGain.Core.Market;
using static TripleGain.Core.Tests.Market.SimulatedMarketSample;

namespace TripleGain.Core.Tests.Market;

/// <summary>Stylized facts of crypto returns, checked on 200,000 simulated minutes (seed 42).</summary>
public class SimulatedMarketStatisticsTests(SimulatedMarketSample sample) : IClassFixture<SimulatedMarketSample>
{
    private const double MinutesPerYear = 365.0 * 1440;

    [Fact]
    public void Returns_FatTails_KurtosisWellAboveNormal()
    {
        Kurtosis(sample.BtcReturns).ShouldBeGreaterThan(6);
        Kurtosis(sample.XrpReturns).ShouldBeGreaterThan(6);
    }

    [Fact]
    public void SquaredReturns_VolatilityClustering_PositiveAutocorrelation()
    {
        var squared = sample.BtcReturns.Select(r => r * r).ToArray();
        var absolute = sample.BtcReturns.Select(Math.Abs).ToArray();

        Autocorrelation(squared, 1).ShouldBeGreaterThan(0.02);
        Autocorrelation(absolute, 1).ShouldBeGreaterThan(0.1);
        Autocorrelation(absolute, 60).ShouldBeGreaterThan(0.05);
    }

    [Fact]
    public void AbsoluteReturns_WithoutGarch_ClusterLess()
    {
        var flat = SimulatedMarketSample.Of(new SimulatedMarketOptions { Seed = 42, GarchAlpha = 0, GarchBeta = 0 }, 50_000);
        var withGarch = sample.BtcReturns.Take(50_000).Select(Math.Abs).ToArray();
        var withoutGarch = flat.BtcReturns.Select(Math.Abs).ToArray();

        Autocorrelation(withoutGarch, 1).ShouldBeLessThan(Autocorrelation(withGarch, 1) - 0.05);
    }

    [Fact]
    public void Returns_NoLinearPredictability_SmallAutocorrelation() =>
        Math.Abs(Autocorrelation(sample.BtcReturns, 1)).ShouldBeLessThan(0.03);

    [Fact]
    public void Returns_BtcXrp_CorrelatedNearConfiguredRho() =>
        Correlation(sample.BtcReturns, sample.XrpReturns).ShouldBeInRange(0.5, 0.65);

    [Theory]
    [InlineData(0.2)]
    [InlineData(0.85)]
    public void Returns_OtherRho_CorrelationFollows(double rho)
    {
        var other = SimulatedMarketSample.Of(new SimulatedMarketOptions { Seed = 8, Correlation = rho }, 50_000);

        Correlation(other.BtcReturns, other.XrpReturns).ShouldBeInRange(rho - 0.12, rho + 0.05);
    }

    [Fact]
    public void MinuteVolatility_Annualized_NearConfigured()
    {
        var btc = StandardDeviation(sample.BtcReturns) * Math.Sqrt(MinutesPerYear);
        var xrp = StandardDeviation(sample.XrpReturns) * Math.Sqrt(MinutesPerYear);

        btc.ShouldBeInRange(0.45, 0.65);
        xrp.ShouldBeInRange(0.70, 1.00);
        xrp.ShouldBeGreaterThan(btc);
    }

    [Fact]
    public void DailyVolatility_PlausibleForCrypto()
    {
        var btcDaily = StandardDeviation(LogReturns(sample.BtcClose, 1440));
        var xrpDaily = StandardDeviation(LogReturns(sample.XrpClose, 1440));

        btcDaily.ShouldBeInRange(0.015, 0.05);
        xrpDaily.ShouldBeInRange(0.02, 0.08);
    }

    [Fact]
    public void Volume_IntradayPattern_UsOpenBusierThanAsianNight()
    {
        var busy = MeanVolume(h => h is >= 13 and < 17);
        var quiet = MeanVolume(h => h is >= 2 and < 6);

        (busy / quiet).ShouldBeGreaterThan(1.5);
    }

    [Fact]
    public void Volume_Weekend_LowerThanWeekdays()
    {
        var weekend = sample.BtcVolume.Where((_, i) => sample.Weekend[i]).Average();
        var weekday = sample.BtcVolume.Where((_, i) => !sample.Weekend[i]).Average();

        (weekend / weekday).ShouldBeLessThan(0.85);
    }

    [Fact]
    public void Volume_GrowsWithAbsoluteReturn()
    {
        var absolute = sample.BtcReturns.Select(Math.Abs).ToArray();

        Correlation(sample.BtcVolume.AsSpan(1), absolute).ShouldBeGreaterThan(0.3);
    }

    [Fact]
    public void Volume_Mean_NearConfigured()
    {
        sample.BtcVolume.Average().ShouldBeInRange(0.4, 0.6);
        sample.XrpVolume.Average().ShouldBeInRange(32_000, 48_000);
    }

    [Fact]
    public void Regimes_AllOccurAndPersistForHours()
    {
        var switches = 0;
        for (var i = 1; i < sample.Regimes.Length; i++)
        {
            if (sample.Regimes[i] != sample.Regimes[i - 1])
            {
                switches++;
            }
        }

        var meanHours = sample.Regimes.Length / (double)(switches + 1) / 60;
        meanHours.ShouldBeInRange(12, 120);
        foreach (var regime in Enum.GetValues<MarketRegime>())
        {
            sample.Regimes.Count(r => r == regime).ShouldBeGreaterThan(sample.Regimes.Length / 20, $"{regime}");
        }
    }

    [Fact]
    public void Regimes_TrendingUp_DriftsUpAndTrendingDown_DriftsDown()
    {
        double up = 0, down = 0;
        for (var i = 0; i < sample.BtcReturns.Length; i++)
        {
            switch (sample.Regimes[i + 1])
            {
                case MarketRegime.TrendingUp:
                    up += sample.BtcReturns[i];
                    break;
                case MarketRegime.TrendingDown:
                    down += sample.BtcReturns[i];
                    break;
            }
        }

        up.ShouldBeGreaterThan(0);
        down.ShouldBeLessThan(0);
    }

    private double MeanVolume(Func<int, bool> hour) =>
        sample.BtcVolume.Where((_, i) => hour(sample.HourOfDay[i])).Average();
}
