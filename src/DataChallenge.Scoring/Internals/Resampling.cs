namespace DataChallenge.Scoring.Internals;

/// <summary>What every interval method is given besides the data and the metric.</summary>
internal readonly record struct IntervalRequest(int Resamples, ulong Seed, int MaxDegreeOfParallelism, CancellationToken CancellationToken);

/// <summary>Runs the resamples of a percentile interval on the allowed threads, each with a scratch state of its own.</summary>
internal static class Resampling
{
    /// <summary>One value per resample, NaN where the metric is undefined; resample i is computed the same on any thread.</summary>
    public static double[] Run<TState>(IntervalRequest request, Func<TState> scratch, Func<int, TState, double> resample)
    {
        var values = new double[request.Resamples];
        var parallel = new ParallelOptions
        {
            CancellationToken = request.CancellationToken,
            MaxDegreeOfParallelism = Math.Max(1, request.MaxDegreeOfParallelism),
        };
        Parallel.For(0, request.Resamples, parallel, scratch, (i, _, state) =>
        {
            values[i] = resample(i, state);
            return state;
        }, _ => { });
        return values;
    }
}
