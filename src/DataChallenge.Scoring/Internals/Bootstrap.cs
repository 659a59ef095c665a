namespace DataChallenge.Scoring.Internals;

/// <summary>Percentile bootstrap: each resample draws rows with replacement and passes the draw counts as weights.</summary>
internal static class Bootstrap
{
    /// <summary>The interval method of metrics with no structure to exploit: the metric recomputed on every resample.</summary>
    public static ConfidenceInterval? Interval(ScoringData data, ScoringConfig config, MetricFactory create, IntervalRequest request)
        => data.Rows == 0 ? null : Interval(create(data, config), data.Rows, request);

    public static ConfidenceInterval? Interval(PreparedMetric metric, int rows, IntervalRequest request)
    {
        if (request.Resamples <= 0 || rows == 0) return null;
        var values = Resampling.Run(request, () => new double[rows], (resample, weight) =>
        {
            Array.Clear(weight);
            var random = SplitMixRandom.ForResample(request.Seed, resample);
            for (var i = 0; i < rows; i++) weight[random.NextInt(rows)] += 1;
            return metric(weight).Value ?? double.NaN;
        });
        return Percentile.Interval(values, IntervalMethods.Bootstrap);
    }
}
