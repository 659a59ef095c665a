namespace DataChallenge.Scoring.Metrics;

/// <summary>Regression metrics with scikit-learn 1.2 semantics; weight is sklearn's sample_weight (empty = unweighted).</summary>
internal static class RegressionMetrics
{
    public static MetricResult Mse(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var d = truth[i] - pred[i];
            sum += w * d * d;
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    public static MetricResult Rmse(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, ReadOnlySpan<double> weight)
    {
        var mse = Mse(truth, pred, weight);
        return mse.Value is { } v ? MetricResult.Of(Math.Sqrt(v)) : mse;
    }

    public static MetricResult Mae(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * Math.Abs(truth[i] - pred[i]);
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>Mean absolute percentage error as a fraction; |y| below machine epsilon is replaced by epsilon, as sklearn does.</summary>
    public static MetricResult Mape(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        double sum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            sum += w * (Math.Abs(pred[i] - truth[i]) / Math.Max(Math.Abs(truth[i]), BinaryMetrics.Eps));
            total += w;
        }

        return total == 0 ? MetricResult.Undefined(Weights.AllZeroReason) : MetricResult.Of(sum / total);
    }

    /// <summary>
    /// Coefficient of determination. Constant truth gives 1.0 for a perfect prediction and 0.0 otherwise
    /// (sklearn's force_finite); fewer than two rows is undefined, as sklearn says.
    /// </summary>
    public static MetricResult R2(ReadOnlySpan<double> truth, ReadOnlySpan<double> pred, ReadOnlySpan<double> weight)
    {
        Weights.CheckLengths(truth.Length, pred.Length, weight, nameof(pred));
        if (truth.Length < 2)
        {
            return MetricResult.Undefined("R² is undefined with fewer than two rows");
        }

        double weightedSum = 0, total = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            weightedSum += w * truth[i];
            total += w;
        }

        if (total == 0)
        {
            return MetricResult.Undefined(Weights.AllZeroReason);
        }

        var mean = weightedSum / total;
        double residual = 0, spread = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            var w = weight.IsEmpty ? 1.0 : weight[i];
            var d = truth[i] - pred[i];
            var c = truth[i] - mean;
            residual += w * d * d;
            spread += w * c * c;
        }

        if (spread == 0)
        {
            return MetricResult.Of(residual == 0 ? 1.0 : 0.0);
        }

        return MetricResult.Of(1 - (residual / spread));
    }
}
