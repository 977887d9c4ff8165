namespace TripleGain.Core.Market;

/// <summary>
/// <c>exp</c> and <c>log</c> built from IEEE-754 basic operations only (+, -, *, /, exact scaling by powers of two), so
/// they return the same bits on every machine and runtime. <see cref="Math.Exp"/> and <see cref="Math.Log"/> call the
/// platform's C library, whose last bit may differ between Linux, Windows and macOS; the simulated market must not.
/// Accuracy is within a few units in the last place, which is all a simulation needs.
/// </summary>
internal static class PortableMath
{
    // fdlibm's split of ln 2: the high part has trailing zero bits so k * Ln2Hi is exact for |k| < 2^20.
    private const double Ln2Hi = 6.93147180369123816490e-01;
    private const double Ln2Lo = 1.90821492927058770002e-10;
    private const double InvLn2 = 1.44269504088896338700e+00;
    private const double Sqrt2 = 1.41421356237309504880;

    public static double Exp(double x)
    {
        if (double.IsNaN(x))
        {
            return x;
        }

        if (x > 709.78)
        {
            return double.PositiveInfinity;
        }

        if (x < -745.2)
        {
            return 0.0;
        }

        // x = k ln2 + r, |r| <= ln2 / 2; exp(r) by its Taylor series to degree 13 (error < 1e-17).
        var k = Math.Round(x * InvLn2, MidpointRounding.ToEven);
        var r = (x - (k * Ln2Hi)) - (k * Ln2Lo);
        var p = 1.0 / 6227020800.0;
        p = (p * r) + (1.0 / 479001600.0);
        p = (p * r) + (1.0 / 39916800.0);
        p = (p * r) + (1.0 / 3628800.0);
        p = (p * r) + (1.0 / 362880.0);
        p = (p * r) + (1.0 / 40320.0);
        p = (p * r) + (1.0 / 5040.0);
        p = (p * r) + (1.0 / 720.0);
        p = (p * r) + (1.0 / 120.0);
        p = (p * r) + (1.0 / 24.0);
        p = (p * r) + (1.0 / 6.0);
        p = (p * r) + 0.5;
        p = (p * r) + 1.0;
        p = (p * r) + 1.0;
        return Math.ScaleB(p, (int)k);
    }

    public static double Log(double x)
    {
        if (double.IsNaN(x) || x < 0)
        {
            return double.NaN;
        }

        if (x == 0)
        {
            return double.NegativeInfinity;
        }

        if (double.IsPositiveInfinity(x))
        {
            return x;
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // subnormal: scale into the normal range first (exact)
            x *= 18014398509481984.0; // 2^54
            bits = BitConverter.DoubleToInt64Bits(x);
            exponent = (int)((bits >> 52) & 0x7FF) - 54;
        }

        exponent -= 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        // log m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.1716: the odd series to s^23 is exact to < 1e-18.
        var s = (m - 1.0) / (m + 1.0);
        var s2 = s * s;
        var p = 1.0 / 23.0;
        p = (p * s2) + (1.0 / 21.0);
        p = (p * s2) + (1.0 / 19.0);
        p = (p * s2) + (1.0 / 17.0);
        p = (p * s2) + (1.0 / 15.0);
        p = (p * s2) + (1.0 / 13.0);
        p = (p * s2) + (1.0 / 11.0);
        p = (p * s2) + (1.0 / 9.0);
        p = (p * s2) + (1.0 / 7.0);
        p = (p * s2) + (1.0 / 5.0);
        p = (p * s2) + (1.0 / 3.0);
        p = (p * s2) + 1.0;
        var logM = 2.0 * s * p;
        return (exponent * Ln2Hi) + (logM + (exponent * Ln2Lo));
    }
}
