using System.Globalization;

namespace TripleGain.Core.Selection;

/// <summary>
/// The evidence behind naming a best model: a paired circular block bootstrap (Politis and Romano) of daily return
/// differences. Pairing (the same days for both models) removes the market's common moves; blocks of a few days keep
/// the short-range autocorrelation of daily returns that a plain bootstrap would destroy.
/// </summary>
public static class PairedBootstrap
{
    /// <summary>
    /// The probability that the mean of <paramref name="differences"/> (leader - other, one per day) is above 0:
    /// <paramref name="resamples"/> times, n values are drawn as blocks of <paramref name="blockLength"/> consecutive
    /// days starting at uniformly drawn days (wrapping around the end), and the resampled mean is counted as a win when
    /// above 0 and half a win when exactly 0. Deterministic for a <paramref name="seed"/> (SplitMix64); identical
    /// series give exactly 0.5.
    /// </summary>
    public static double ProbabilityBetter(IReadOnlyList<double> differences, int resamples, int blockLength, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(differences);
        if (differences.Count == 0)
        {
            throw new ArgumentException("There are no daily differences to resample.", nameof(differences));
        }

        for (var i = 0; i < differences.Count; i++)
        {
            if (!double.IsFinite(differences[i]))
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"differences[{i}] is {differences[i]}: it must be a finite number."), nameof(differences));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockLength, 1);

        var n = differences.Count;
        var block = Math.Min(blockLength, n);
        var random = new SplitMix64(seed);
        double wins = 0;
        for (var r = 0; r < resamples; r++)
        {
            double sum = 0;
            var filled = 0;
            while (filled < n)
            {
                var start = random.Next(n);
                for (var k = 0; k < block && filled < n; k++, filled++)
                {
                    sum += differences[(start + k) % n];
                }
            }

            wins += sum > 0 ? 1 : sum == 0 ? 0.5 : 0;
        }

        return wins / resamples;
    }
}
