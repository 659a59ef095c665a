namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Exact binomial variates in O(1) expected time whatever n: inversion when n·p is small, otherwise Hörmann's
/// transformed rejection with squeeze (BTRS, 1993). A multinomial draw of a confusion matrix is a few of these.
/// </summary>
internal static class Binomial
{
    private static readonly double[] SmallTails = Enumerable.Range(0, 10).Select(ExactTail).ToArray();

    public static int Sample(ref SplitMixRandom random, int n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - Sample(ref random, n, 1 - p);
        return n * p < 10 ? Inversion(ref random, n, p) : Btrs(ref random, n, p);
    }

    /// <summary>
    /// The counts of a multinomial draw of <paramref name="n"/> over cells with the given probabilities (summing to 1),
    /// as conditional binomials: each cell takes its share of what the cells before it left.
    /// </summary>
    public static void Multinomial(ref SplitMixRandom random, int n, ReadOnlySpan<double> probabilities, Span<double> counts)
    {
        var remaining = n;
        var mass = 1.0;
        for (var c = 0; c < probabilities.Length - 1; c++)
        {
            var k = remaining == 0 ? 0 : Sample(ref random, remaining, Math.Min(1, probabilities[c] / mass));
            counts[c] = k;
            remaining -= k;
            mass -= probabilities[c];
        }

        counts[probabilities.Length - 1] = remaining;
    }

    // Sequential search from 0; n·p < 10 keeps the expected number of steps small.
    private static int Inversion(ref SplitMixRandom random, int n, double p)
    {
        var q = 1 - p;
        var s = p / q;
        var a = (n + 1) * s;
        var r = Math.Pow(q, n);
        var u = random.NextDouble();
        var x = 0;
        while (u > r && x < n)
        {
            u -= r;
            x++;
            r *= (a / x) - s;
        }

        return x;
    }

    // Hörmann (1993), "The generation of binomial random variates", algorithm BTRS, for p ≤ 0.5 and n·p ≥ 10.
    private static int Btrs(ref SplitMixRandom random, int n, double p)
    {
        var spq = Math.Sqrt(n * p * (1 - p));
        var b = 1.15 + (2.53 * spq);
        var a = -0.0873 + (0.0248 * b) + (0.01 * p);
        var c = (n * p) + 0.5;
        var vr = 0.92 - (4.2 / b);
        var alpha = (2.83 + (5.1 / b)) * spq;
        var lpq = Math.Log(p / (1 - p));
        var m = Math.Floor((n + 1) * p);
        var h = LogFactorial(m) + LogFactorial(n - m);
        while (true)
        {
            var u = random.NextDouble() - 0.5;
            var v = random.NextDouble();
            var us = 0.5 - Math.Abs(u);
            var k = Math.Floor((((2 * a / us) + b) * u) + c);
            if (k < 0 || k > n) continue;
            if (us >= 0.07 && v <= vr) return (int)k;
            v = Math.Log(v * alpha / ((a / (us * us)) + b));
            if (v <= h - LogFactorial(k) - LogFactorial(n - k) + ((k - m) * lpq)) return (int)k;
        }
    }

    /// <summary>log(k!) as Stirling's formula plus its tail, exact below 10 and to double precision above.</summary>
    private static double LogFactorial(double k) => ((k + 0.5) * Math.Log(k + 1)) - (k + 1) + (0.5 * Math.Log(2 * Math.PI)) + Tail(k);

    private static double Tail(double k)
    {
        if (k < 10) return SmallTails[(int)k];
        var kp1sq = (k + 1) * (k + 1);
        return ((1.0 / 12) - (((1.0 / 360) - (1.0 / 1260 / kp1sq)) / kp1sq)) / (k + 1);
    }

    private static double ExactTail(int k)
    {
        var logFactorial = 0.0;
        for (var i = 2; i <= k; i++) logFactorial += Math.Log(i);
        return logFactorial - (((k + 0.5) * Math.Log(k + 1)) - (k + 1) + (0.5 * Math.Log(2 * Math.PI)));
    }
}
