using System.Numerics;

namespace TripleGain.Core.Market;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through SplitMix64. Its output is fixed by the algorithm, unlike
/// <see cref="Random"/> whose algorithm may change between .NET versions, so a seed means the same numbers forever.
/// A mutable struct: keep it in a field, never copy it.
/// </summary>
internal struct SimulationRandom
{
    private const double TwoPowMinus52 = 1.0 / 4503599627370496.0;

    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    public SimulationRandom(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        if ((s0 | s1 | s2 | s3) == 0)
        {
            throw new ArgumentException("The random generator state must not be all zero.", nameof(s0));
        }

        _s0 = s0;
        _s1 = s1;
        _s2 = s2;
        _s3 = s3;
    }

    public readonly ulong S0 => _s0;

    public readonly ulong S1 => _s1;

    public readonly ulong S2 => _s2;

    public readonly ulong S3 => _s3;

    public static SimulationRandom FromSeed(ulong seed)
    {
        var x = seed;
        return new SimulationRandom(SplitMix64(ref x), SplitMix64(ref x), SplitMix64(ref x), SplitMix64(ref x));
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform double strictly inside (0, 1): never 0, so its logarithm is finite.</summary>
    public double NextOpenUnit() => ((NextUInt64() >> 12) + 0.5) * TwoPowMinus52;

    /// <summary>Two independent standard normals (Marsaglia's polar method: only sqrt and log).</summary>
    public void NextGaussianPair(out double first, out double second)
    {
        double u;
        double v;
        double s;
        do
        {
            u = (2.0 * NextOpenUnit()) - 1.0;
            v = (2.0 * NextOpenUnit()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        var factor = Math.Sqrt(-2.0 * PortableMath.Log(s) / s);
        first = u * factor;
        second = v * factor;
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
