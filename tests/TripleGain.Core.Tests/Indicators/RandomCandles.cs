using TripleGain.Core.Market;

namespace TripleGain.Core.Tests.Indicators;

/// <summary>
/// A seeded random-walk candle series (1-minute bars) with the awkward cases mixed in: fat-tailed moves, runs of flat
/// zero-volume candles, repeated closes, time gaps of hours and UTC day boundaries.
/// </summary>
internal static class RandomCandles
{
    public static List<Candle> Generate(int count, int seed, decimal startPrice, int decimals)
    {
        var random = new Random(seed);
        var candles = new List<Candle>(count);
        var time = new DateTime(2024, 1, 1, 21, 0, 0, DateTimeKind.Utc);
        var close = startPrice;
        var flatLeft = 0;
        for (var i = 0; i < count; i++)
        {
            if (random.Next(20_000) == 0)
            {
                time = time.AddHours(random.Next(1, 30)); // a gap in the data
            }

            if (flatLeft == 0 && i > 200 && random.Next(5_000) == 0)
            {
                flatLeft = random.Next(25, 80); // an illiquid stretch: no trades
            }

            decimal open = close;
            decimal high;
            decimal low;
            decimal volume;
            if (flatLeft > 0)
            {
                flatLeft--;
                high = low = close;
                volume = 0;
            }
            else
            {
                var shock = Normal(random) * (random.Next(50) == 0 ? 6 : 1); // occasional fat-tail move
                close = Math.Round(open * (decimal)Math.Exp(0.002 * shock), decimals);
                if (close <= 0)
                {
                    close = open;
                }

                var wick = (decimal)Math.Abs(Normal(random)) * 0.001m;
                high = Math.Round(Math.Max(open, close) * (1 + wick), decimals);
                low = Math.Round(Math.Min(open, close) * (1 - (wick / 2)), decimals);
                if (low <= 0)
                {
                    low = Math.Min(open, close);
                }

                volume = Math.Round((decimal)Math.Exp(Normal(random)) * 12.5m, 6);
            }

            candles.Add(new Candle(time, open, high, low, close, volume));
            time = time.AddMinutes(1);
        }

        return candles;
    }

    private static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
