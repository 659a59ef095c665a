namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Resamples shared by every team: resample r draws, from <see cref="SplitMixRandom.ForResample"/>, either n row
/// indices (each draw adds 1 to that row's weight) or G group indices (each draw adds 1 to every row of that group),
/// and every team's metric is evaluated under that same weighting.
/// </summary>
internal static class PairedBootstrap
{
    /// <summary>Each team's value in each resample, at [resample × teams + team]; NaN where undefined.</summary>
    public static double[] Run(PreparedMetric[] teams, int rows, int[]? groupOfRow, int groupCount, IntervalRequest request, IProgress<double>? progress)
    {
        var values = new double[request.Resamples * teams.Length];
        var done = 0;
        var reported = 0;
        var reportLock = new Lock();
        var step = Math.Max(1, request.Resamples / 100);
        Resampling.Run(request, () => (Weight: new double[rows], Groups: new int[groupCount]), (resample, scratch) =>
        {
            var random = SplitMixRandom.ForResample(request.Seed, resample);
            Draw(ref random, scratch.Weight, groupOfRow, scratch.Groups);
            for (var t = 0; t < teams.Length; t++) values[(resample * teams.Length) + t] = teams[t](scratch.Weight).Value ?? double.NaN;
            var finished = Interlocked.Increment(ref done);
            if (progress is not null && (finished % step == 0 || finished == request.Resamples))
            {
                // Workers finish out of order: a late report of an earlier count must not move the bar backwards.
                lock (reportLock)
                {
                    if (finished > reported)
                    {
                        reported = finished;
                        progress.Report((double)finished / request.Resamples);
                    }
                }
            }
            return 0;
        });
        return values;
    }

    public static void Draw(ref SplitMixRandom random, double[] weight, int[]? groupOfRow, int[] groupDraws)
    {
        Array.Clear(weight);
        if (groupOfRow is null)
        {
            for (var i = 0; i < weight.Length; i++) weight[random.NextInt(weight.Length)] += 1;
            return;
        }

        Array.Clear(groupDraws);
        for (var i = 0; i < groupDraws.Length; i++) groupDraws[random.NextInt(groupDraws.Length)]++;
        for (var row = 0; row < weight.Length; row++) weight[row] = groupDraws[groupOfRow[row]];
    }
}
