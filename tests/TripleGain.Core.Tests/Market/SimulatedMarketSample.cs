using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Market;

/// <summary>200,000 minutes (about 139 days) of the default simulated market, seed 42, as doubles for statistics.</summary>
public sealed class SimulatedMarketSample
{
    public const int Minutes = 200_000;

    public SimulatedMarketSample()
        : this(new SimulatedMarketOptions { Seed = 42 }, Minutes)
    {
    }

    private SimulatedMarketSample(SimulatedMarketOptions options, int minutes)
    {
        var market = new SimulatedMarket(options);
        BtcClose = new double[minutes];
        XrpClose = new double[minutes];
        BtcVolume = new double[minutes];
        XrpVolume = new double[minutes];
        HourOfDay = new int[minutes];
        Weekend = new bool[minutes];
        Regimes = new MarketRegime[minutes];
        for (var i = 0; i < minutes; i++)
        {
            var minute = market.Next();
            BtcClose[i] = (double)minute.BtcUsdt.Close;
            XrpClose[i] = (double)minute.XrpUsdt.Close;
            BtcVolume[i] = (double)minute.BtcUsdt.Volume;
            XrpVolume[i] = (double)minute.XrpUsdt.Volume;
            HourOfDay[i] = minute.Timestamp.Hour;
            Weekend[i] = minute.Timestamp.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            Regimes[i] = market.Regime;
        }

        BtcReturns = LogReturns(BtcClose, 1);
        XrpReturns = LogReturns(XrpClose, 1);
    }

    /// <summary>A sample of another market.</summary>
    public static SimulatedMarketSample Of(SimulatedMarketOptions options, int minutes) => new(options, minutes);

    public double[] BtcClose { get; }

    public double[] XrpClose { get; }

    public double[] BtcVolume { get; }

    public double[] XrpVolume { get; }

    public int[] HourOfDay { get; }

    public bool[] Weekend { get; }

    public MarketRegime[] Regimes { get; }

    /// <summary>Minute log returns; element i is the return into minute i + 1.</summary>
    public double[] BtcReturns { get; }

    public double[] XrpReturns { get; }

    public static double[] LogReturns(double[] closes, int step)
    {
        var result = new double[(closes.Length - 1) / step];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = Math.Log(closes[(i + 1) * step] / closes[i * step]);
        }

        return result;
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return sum / values.Length;
    }

    public static double StandardDeviation(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += (v - mean) * (v - mean);
        }

        return Math.Sqrt(sum / (values.Length - 1));
    }

    /// <summary>Pearson kurtosis (3 for a normal distribution).</summary>
    public static double Kurtosis(ReadOnlySpan<double> values)
    {
        var mean = Mean(values);
        double m2 = 0, m4 = 0;
        foreach (var v in values)
        {
            var d = (v - mean) * (v - mean);
            m2 += d;
            m4 += d * d;
        }

        m2 /= values.Length;
        m4 /= values.Length;
        return m4 / (m2 * m2);
    }

    public static double Correlation(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var ma = Mean(a);
        var mb = Mean(b);
        double sab = 0, saa = 0, sbb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }

        return sab / Math.Sqrt(saa * sbb);
    }

    public static double Autocorrelation(double[] values, int lag) =>
        Correlation(values.AsSpan(0, values.Length - lag), values.AsSpan(lag));
}
