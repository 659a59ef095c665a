using DataChallenge.Scoring.Metrics;

namespace DataChallenge.Scoring.Internals;

/// <summary>
/// Normal interval of a metric that is a mean of per-row losses (or a monotone function of one, as RMSE of the mean
/// squared error). The losses are summed once, block by block, into a mean and a sum of squared deviations; the
/// bootstrap distribution of a mean is normal with that variance / n to first order, so no resample is needed.
/// </summary>
internal static class MeanInterval
{
    private const int BlockRows = 1 << 16;

    public delegate double RowLoss(double truth, double prediction);

    public static IntervalFactory Of(RowLoss loss, Func<double, double>? transform = null) => (data, _, _, request) =>
    {
        if (data.Rows == 0 || request.Resamples <= 0) return null;
        var (mean, variance) = MeanAndVariance(data.Truth, data.Prediction, loss, request);
        return Percentile.Normal(mean, variance / data.Rows, IntervalMethods.NormalVariance, transform);
    };

    public static double Sqrt(double meanSquare) => Math.Sqrt(Math.Max(0, meanSquare));

    public static double SquaredError(double truth, double prediction) => (truth - prediction) * (truth - prediction);

    public static double AbsoluteError(double truth, double prediction) => Math.Abs(truth - prediction);

    public static double AbsolutePercentageError(double truth, double prediction)
        => Math.Abs(prediction - truth) / Math.Max(Math.Abs(truth), BinaryMetrics.Eps);

    public static double LogLoss(double truth, double prediction) => BinaryMetrics.RowLogLoss(truth == 1.0, prediction);

    /// <summary>Mean and population variance of the losses; blocks in parallel, merged with Chan's pairwise update.</summary>
    internal static (double Mean, double Variance) MeanAndVariance(double[] truth, double[] prediction, RowLoss loss, IntervalRequest request)
    {
        var n = truth.Length;
        var blocks = (n + BlockRows - 1) / BlockRows;
        var means = new double[blocks];
        var squares = new double[blocks];
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, request.MaxDegreeOfParallelism), CancellationToken = request.CancellationToken }, b =>
        {
            var start = b * BlockRows;
            var end = Math.Min(n, start + BlockRows);
            double sum = 0;
            for (var i = start; i < end; i++) sum += loss(truth[i], prediction[i]);
            var mean = sum / (end - start);
            double deviations = 0;
            for (var i = start; i < end; i++)
            {
                var d = loss(truth[i], prediction[i]) - mean;
                deviations += d * d;
            }

            means[b] = mean;
            squares[b] = deviations;
        });

        // Blocks in order, so the result does not depend on which thread summed which block.
        double total = 0, runningMean = 0, runningSquares = 0;
        for (var b = 0; b < blocks; b++)
        {
            double count = Math.Min(n, (b + 1) * BlockRows) - (b * BlockRows);
            var delta = means[b] - runningMean;
            var merged = total + count;
            runningMean += delta * count / merged;
            runningSquares += squares[b] + (delta * delta * total * count / merged);
            total = merged;
        }

        return (runningMean, runningSquares / n);
    }
}
