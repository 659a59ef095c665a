namespace DataChallenge.Scoring.Internals;

/// <summary>Percentiles of resampled values, shared by every resampling interval.</summary>
internal static class Percentile
{
    public const double Level = 0.95;

    /// <summary>Two-sided z of <see cref="Level"/>: the 97.5th percentile of the standard normal.</summary>
    public const double Z = 1.959963984540054;

    /// <summary>Linear interpolation between closest ranks, as numpy.percentile does by default.</summary>
    public static double Of(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /// <summary>
    /// The percentile interval of the defined values; resamples where the metric is undefined (one class drawn only)
    /// carry no information about its spread and are left out.
    /// </summary>
    public static ConfidenceInterval? Interval(double[] values, string method)
    {
        var defined = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (defined.Length == 0) return null;
        var tail = (1 - Level) / 2;
        return new ConfidenceInterval(Of(defined, tail), Of(defined, 1 - tail), Level, defined.Length) { Method = method };
    }

    /// <summary>The normal interval centre ± z·standard error, mapped through a monotone increasing function of the estimate.</summary>
    public static ConfidenceInterval? Normal(double centre, double variance, string method, Func<double, double>? transform = null)
    {
        if (double.IsNaN(centre) || double.IsNaN(variance) || variance < 0) return null;
        var half = Z * Math.Sqrt(variance);
        transform ??= v => v;
        return new ConfidenceInterval(transform(centre - half), transform(centre + half), Level, 0) { Method = method };
    }
}
