namespace DataChallenge.Scoring.Internals;

/// <summary>Percentile bootstrap: each resample draws rows with replacement and passes the draw counts as weights.</summary>
internal static class Bootstrap
{
    public const double Level = 0.95;

    public static ConfidenceInterval? Interval(PreparedMetric metric, int rows, int resamples, ulong seed, int maxDegreeOfParallelism,
        CancellationToken cancellationToken)
    {
        if (resamples <= 0 || rows == 0) return null;
        var values = new double[resamples];
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Math.Max(1, maxDegreeOfParallelism) };

        // Each resample seeds its own generator from its index, so the result does not depend on thread scheduling.
        Parallel.For(0, resamples, parallel, () => new double[rows], (resample, _, weight) =>
        {
            Array.Clear(weight);
            var random = new SplitMixRandom(seed ^ ((ulong)resample * 0xD1B54A32D192ED03UL));
            for (var i = 0; i < rows; i++) weight[random.NextInt(rows)] += 1;
            values[resample] = metric(weight).Value ?? double.NaN;
            return weight;
        }, _ => { });

        // Resamples where the metric is undefined (one class drawn only) carry no information about its spread.
        var defined = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        if (defined.Length == 0) return null;
        var tail = (1 - Level) / 2;
        return new ConfidenceInterval(Percentile(defined, tail), Percentile(defined, 1 - tail), Level, defined.Length);
    }

    // Linear interpolation between closest ranks, as numpy.percentile does by default.
    private static double Percentile(double[] sorted, double q)
    {
        var position = q * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
